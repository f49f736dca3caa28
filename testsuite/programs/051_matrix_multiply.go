package main

import "fmt"

type Matrix [][]float64

func identity(n int) Matrix {
	m := make(Matrix, n)
	for i := range m {
		m[i] = make([]float64, n)
		m[i][i] = 1
	}
	return m
}

func (a Matrix) Mul(b Matrix) Matrix {
	n, k, p := len(a), len(b), len(b[0])
	out := make(Matrix, n)
	for i := 0; i < n; i++ {
		out[i] = make([]float64, p)
		for j := 0; j < p; j++ {
			var s float64
			for x := 0; x < k; x++ {
				s += a[i][x] * b[x][j]
			}
			out[i][j] = s
		}
	}
	return out
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	fmt.Println(a.Mul(b))
	fmt.Println(a.Mul(identity(3)))
	n := 40
	m := make(Matrix, n)
	for i := range m {
		m[i] = make([]float64, n)
		for j := range m[i] {
			m[i][j] = float64((i*7+j*3)%11) / 10
		}
	}
	r := m.Mul(m).Mul(m)
	var trace float64
	for i := 0; i < n; i++ {
		trace += r[i][i]
	}
	fmt.Printf("trace %.6f\n", trace)
	fmt.Printf("%8.3f\n", r[3][:4])
}
