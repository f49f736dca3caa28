package main

import "caf\u00e9"

func main() {}
