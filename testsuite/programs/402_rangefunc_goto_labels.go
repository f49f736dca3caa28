package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  count exits", n)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func gotoForward() {
	for x := range count(5) {
		if x == 2 {
			goto done
		}
		fmt.Println("forward", x)
	}
	fmt.Println("not printed")
done:
	fmt.Println("forward done")
}

func gotoBackward() {
	tries := 0
again:
	tries++
	for x := range count(3) {
		if x == 1 && tries < 3 {
			goto again
		}
		fmt.Println("backward", tries, x)
	}
}

func gotoNested() {
	for x := range count(3) {
		for y := range count(3) {
			if x == 1 && y == 1 {
				goto out
			}
			fmt.Println("nested", x, y)
		}
	}
out:
	fmt.Println("nested out")
}

func gotoMiddle() {
	for x := range count(3) {
		for y := range count(3) {
			if y == 1 {
				goto next
			}
			fmt.Println("middle", x, y)
		}
	next:
		fmt.Println("middle next", x)
	}
}

func gotoInside() {
	for x := range count(2) {
		i := 0
	loop:
		if i < 2 {
			fmt.Println("inside", x, i)
			i++
			goto loop
		}
	}
}

func labels() {
outer:
	for i := 0; i < 3; i++ {
	mid:
		for x := range count(3) {
			for y := range count(3) {
				switch {
				case y == 1 && x == 0:
					continue mid
				case x == 1 && y == 0:
					continue outer
				case i == 2 && x == 2:
					break outer
				case x == 2 && y == 2:
					break mid
				}
				fmt.Println("labels", i, x, y)
			}
		}
	}
	fmt.Println("labels done")
}

func nestedReturn() (int, string) {
	for x := range count(3) {
		for y := range count(3) {
			for z := range count(3) {
				if x+y+z == 4 {
					return x*100 + y*10 + z, "deep"
				}
			}
		}
	}
	return -1, "none"
}

func namedReturn() (n int) {
	defer func() { n++ }()
	for x := range count(4) {
		n += x
		if x == 2 {
			return
		}
	}
	return 100
}

func main() {
	gotoForward()
	gotoBackward()
	gotoNested()
	gotoMiddle()
	gotoInside()
	labels()
	fmt.Println(nestedReturn())
	fmt.Println(namedReturn())
}
