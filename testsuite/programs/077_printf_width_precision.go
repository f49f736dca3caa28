package main

import "fmt"

func main() {
	rows := []struct {
		name  string
		qty   int
		price float64
	}{
		{"apple", 3, 0.5},
		{"watermelon", 1, 3.25},
		{"fig", 12, 0.125},
	}
	fmt.Printf("|%-10s|%5s|%8s|\n", "item", "qty", "price")
	for _, r := range rows {
		fmt.Printf("|%-10s|%5d|%8.2f|\n", r.name, r.qty, r.price)
	}
	fmt.Printf("|%10.3s|%-6q|%6v|\n", "abcdef", "q", true)
	fmt.Printf("|%+.3e|%10.4g|%-10.1f|\n", 12345.678, 3.14159265, -0.05)
	fmt.Printf("|%08.3f|%+08d|%x|%X|\n", -3.14159, 42, -255, "Go")
	fmt.Printf("|%6.2f%%|\n", 99.5)
	fmt.Printf("|%v|%6v|%-6v|\n", []int{1}, 12, 12)
	fmt.Printf("|%#o|%#b|%#X|\n", 8, 5, 3054)
	fmt.Printf("|%.0f|%.0f|%.0f|%.1f|\n", 0.5, 1.5, 2.5, 0.05)
	fmt.Printf("|%5t|%-7t|\n", true, false)
	fmt.Printf("|%3c|%-4c|\n", 'x', 'y')
	fmt.Printf("|%08.3e|\n", 1234.5)
}
