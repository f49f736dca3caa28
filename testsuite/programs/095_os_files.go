package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "rgo-files-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return r }

	p := filepath.Join(dir, "notes.txt")
	fmt.Println(os.WriteFile(p, []byte("alpha\nbeta\n"), 0644))
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Println(err)
	fmt.Fprintf(f, "gamma %d\n", 3)
	fmt.Println(f.Close(), f.Close() != nil)

	data, err := os.ReadFile(p)
	fmt.Printf("%q %v\n", data, err)

	f, _ = os.Open(p)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println("line:", sc.Text())
	}
	st, _ := f.Stat()
	fmt.Println(st.Name(), st.Size(), st.Mode(), st.IsDir())
	f.Seek(6, io.SeekStart)
	buf := make([]byte, 4)
	f.Read(buf)
	fmt.Println(string(buf))
	f.Close()

	_, err = os.Open(filepath.Join(dir, "missing"))
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "DIR"), os.IsNotExist(err), errors.Is(err, fs.ErrNotExist))

	os.MkdirAll(filepath.Join(dir, "a", "b"), 0755)
	os.WriteFile(filepath.Join(dir, "a", "b", "c.txt"), nil, 0600)
	os.Rename(p, filepath.Join(dir, "a", "notes.txt"))
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		fmt.Println("walk:", rel(path), d.IsDir())
		return nil
	})
	entries, _ := os.ReadDir(filepath.Join(dir, "a"))
	for _, e := range entries {
		fmt.Println("entry:", e.Name(), e.IsDir())
	}
	fmt.Println(os.Remove(filepath.Join(dir, "a")) != nil)
	fmt.Println(os.RemoveAll(filepath.Join(dir, "a")), len(must(os.ReadDir(dir))))
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
