// rgo:args -n=3 -v --name ann -tag a -tag=b rest -x
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type tags []string

func (t *tags) String() string     { return strings.Join(*t, ",") }
func (t *tags) Set(s string) error { *t = append(*t, s); return nil }

func main() {
	n := flag.Int("n", 1, "number of `items`")
	v := flag.Bool("v", false, "verbose output")
	name := flag.String("name", "bob", "who to greet")
	wait := flag.Duration("wait", 2*time.Second, "how long to wait")
	var t tags
	flag.Var(&t, "tag", "a tag (repeatable)")
	flag.Parse()
	fmt.Println(*n, *v, *name, *wait, t, flag.Args(), flag.NFlag())
	flag.Visit(func(f *flag.Flag) { fmt.Println("set:", f.Name, f.Value) })

	fs := flag.NewFlagSet("sub", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	ratio := fs.Float64("ratio", 0.5, "a ratio\nspanning two lines")
	fs.Bool("q", false, "quiet")
	fmt.Println(fs.Parse([]string{"-ratio", "x"}), *ratio)
	fmt.Println(fs.Parse([]string{"-nope"}))
	fmt.Println(fs.Parse([]string{"-h"}) == flag.ErrHelp)
}
