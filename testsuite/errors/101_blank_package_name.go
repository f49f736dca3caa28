package _
func main() {}
