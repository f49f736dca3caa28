package main

/*
static int from_a(void) { return 2; }
static int from_b(int x) { return x * from_a(); }
*/
import "C"

func fromB() int { return int(C.from_b(21)) }
