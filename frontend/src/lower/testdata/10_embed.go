package main

import "fmt"

type Logger struct{ prefix string }

func (l *Logger) Log(s string) { fmt.Println(l.prefix + s) }
func (l Logger) Prefix() string { return l.prefix }

type Inner struct {
	Logger
	val int
}

func (i Inner) Val() int { return i.val }
func (i *Inner) SetVal(v int) { i.val = v }

type Middle struct {
	*Inner
	tag string
}

type Outer struct {
	Middle
	val string // shadows Inner.val
}

type Valuer interface{ Val() int }
type Setter interface {
	SetVal(int)
	Val() int
}

type ReadWriter interface {
	Read() string
	Write(string)
}

type buf struct{ data []string }

func (b *buf) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}
func (b *buf) Write(s string) { b.data = append(b.data, s) }

type Wrapped struct {
	ReadWriter
	n int
}

func (w *Wrapped) Write(s string) {
	w.n++
	w.ReadWriter.Write("[" + s + "]")
}

func main() {
	o := Outer{Middle{&Inner{Logger{"> "}, 1}, "t"}, "outer"}
	o.Log("hello")
	fmt.Println(o.Val(), o.val, o.Middle.val, o.Prefix(), o.tag)
	o.SetVal(5)
	fmt.Println(o.Val(), o.Inner.val)
	var v Valuer = o
	fmt.Println(v.Val())
	var st Setter = o
	st.SetVal(9)
	fmt.Println(o.Val(), st.Val())
	var st2 Setter = &o
	st2.SetVal(11)
	fmt.Println(o.Val())
	f := o.Log
	f("method value")
	g := Outer.Val
	fmt.Println(g(o))
	h := (*Inner).SetVal
	h(o.Inner, 3)
	fmt.Println(o.Val())
	w := &Wrapped{ReadWriter: &buf{}}
	w.Write("a")
	w.Write("b")
	var rw ReadWriter = w
	rw.Write("c")
	fmt.Println(w.Read(), rw.Read(), w.n)
	type local struct {
		Inner
		extra bool
	}
	l := local{Inner: Inner{val: 42}}
	l.SetVal(l.Val() + 1)
	fmt.Println(l.Val(), l.extra)
	var vv Valuer = l
	fmt.Println(vv.Val())
	fmt.Printf("%v %+v\n", l, o.Middle.tag)
}
