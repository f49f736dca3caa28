// //go:embed into string, []byte and embed.FS: single files, directories
// (without . and _ names unless all:), globs, and io/fs over the result.
package main

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed hello.txt
var s string

//go:embed hello.txt
var b []byte

//go:embed static
var static embed.FS

//go:embed all:static hello.txt
var all embed.FS

var (
	//go:embed static/*.txt
	txts embed.FS
)

func main() {
	fmt.Printf("%q %d\n", s, len(b))
	data, err := static.ReadFile("static/sub/b.txt")
	fmt.Println(string(data), err)
	_, err = static.ReadFile("static/_x.txt")
	fmt.Println(err)
	for _, fsys := range []embed.FS{static, all, txts} {
		var names []string
		fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			names = append(names, fmt.Sprintf("%s:%v", p, d.IsDir()))
			return nil
		})
		fmt.Println(strings.Join(names, " "))
	}
	ents, _ := all.ReadDir("static")
	for _, e := range ents {
		info, _ := e.Info()
		fmt.Println(e.Name(), e.IsDir(), info.Size())
	}
	sub, _ := fs.Sub(static, "static")
	m, _ := fs.Glob(sub, "*.txt")
	fmt.Println(m)
	f, _ := static.Open("static/a.txt")
	st, _ := f.Stat()
	fmt.Println(st.Name(), st.Size(), st.Mode())
}
