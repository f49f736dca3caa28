package main

import (
	"errors"
	"fmt"
)

type MyErr struct{}

func (*MyErr) Error() string { return "my" }

func mayFail(fail bool) error {
	if fail {
		return errors.New("failed")
	}
	return nil
}

func typedNil() error {
	var p *MyErr
	return p
}

func takes(i interface{}) bool { return i == nil }

func pair() (error, *int) { return nil, nil }

func main() {
	fmt.Println(mayFail(false) == nil, mayFail(true) != nil)
	fmt.Println(typedNil() == nil, typedNil() != nil)
	fmt.Println(takes(nil), takes((*int)(nil)))
	var e error = nil
	var i interface{}
	i = nil
	fmt.Println(e == nil, i == nil, e, i)
	m := map[string]interface{}{"a": nil}
	fmt.Println(m["a"] == nil, len(m))
	s := []interface{}{nil, 1}
	fmt.Println(s[0] == nil, s)
	a, b := pair()
	fmt.Println(a == nil, b == nil)
	var f func()
	fmt.Println(f == nil)
	var ch chan int
	fmt.Println(ch == nil)
	var mp map[int]int
	mp = nil
	fmt.Println(mp == nil, len(mp))
	var sl []int = nil
	fmt.Println(sl == nil)
	ptrs := []*int{nil}
	fmt.Println(ptrs[0] == nil)
	fmt.Println(fmt.Sprint(nil), fmt.Sprintf("%v", nil))
	var err error
	if err == nil {
		err = fmt.Errorf("x %d", 1)
	}
	fmt.Println(err, errors.Unwrap(err) == nil)
	st := struct{ E error }{nil}
	fmt.Println(st.E == nil)
}
