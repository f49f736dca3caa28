package main

import (
	"errors"
	"fmt"
	"time"
)

type Level int

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

type Task struct {
	Name    string
	Pri     Level
	Timeout time.Duration
	Sub     *Task
	Tags    map[string]Level
	Err     error
}

type wrapped struct{ inner error }

func (w wrapped) Error() string { return "wrapped(" + w.inner.Error() + ")" }
func (w wrapped) Unwrap() error { return w.inner }

func main() {
	t := Task{"build", 2, 1500 * time.Millisecond, &Task{Name: "sub", Pri: 1}, map[string]Level{"x": 0}, wrapped{errors.New("e")}}
	fmt.Println(t)
	fmt.Printf("%v\n%+v\n", t, *t.Sub)
	fmt.Println([]Level{0, 1, 2}, map[Level]int{1: 5})
	var e error = wrapped{errors.New("root")}
	fmt.Println(e, errors.Unwrap(e))
	arr := [2]Level{2, 1}
	fmt.Println(arr, &arr)
	fmt.Printf("%d %s %v %x\n", Level(1), Level(1), Level(2), Level(2))
	type pair struct {
		a, b fmt.Stringer
	}
	fmt.Println(pair{Level(0), time.Second})
}
