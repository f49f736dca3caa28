// A small interpreter: tokenizer, recursive-descent parser to an AST of
// interfaces, and an evaluator with variables.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Expr interface {
	Eval(env map[string]int) (int, error)
	String() string
}

type Num int
type Var string
type Bin struct {
	Op   byte
	L, R Expr
}

func (n Num) Eval(map[string]int) (int, error) { return int(n), nil }
func (n Num) String() string                   { return strconv.Itoa(int(n)) }

func (v Var) Eval(env map[string]int) (int, error) {
	x, ok := env[string(v)]
	if !ok {
		return 0, fmt.Errorf("undefined variable %q", string(v))
	}
	return x, nil
}
func (v Var) String() string { return string(v) }

func (b Bin) Eval(env map[string]int) (int, error) {
	l, err := b.L.Eval(env)
	if err != nil {
		return 0, err
	}
	r, err := b.R.Eval(env)
	if err != nil {
		return 0, err
	}
	switch b.Op {
	case '+':
		return l + r, nil
	case '-':
		return l - r, nil
	case '*':
		return l * r, nil
	case '/':
		if r == 0 {
			return 0, fmt.Errorf("division by zero in %v", b)
		}
		return l / r, nil
	}
	return 0, fmt.Errorf("bad operator %c", b.Op)
}
func (b Bin) String() string { return fmt.Sprintf("(%v %c %v)", b.L, b.Op, b.R) }

type parser struct {
	toks []string
	pos  int
}

func tokenize(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			i++
		case strings.IndexByte("+-*/()=", c) >= 0:
			toks = append(toks, string(c))
			i++
		default:
			j := i
			for j < len(s) && strings.IndexByte("+-*/()= ", s[j]) < 0 {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks
}

func (p *parser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *parser) next() string { t := p.peek(); p.pos++; return t }

func (p *parser) expr() Expr {
	e := p.term()
	for p.peek() == "+" || p.peek() == "-" {
		op := p.next()[0]
		e = Bin{op, e, p.term()}
	}
	return e
}

func (p *parser) term() Expr {
	e := p.factor()
	for p.peek() == "*" || p.peek() == "/" {
		op := p.next()[0]
		e = Bin{op, e, p.factor()}
	}
	return e
}

func (p *parser) factor() Expr {
	t := p.next()
	if t == "(" {
		e := p.expr()
		p.next()
		return e
	}
	if n, err := strconv.Atoi(t); err == nil {
		return Num(n)
	}
	return Var(t)
}

func main() {
	env := map[string]int{}
	program := []string{
		"x = 6 * 7",
		"y = x - 2 * (3 + 4)",
		"z = (x + y) / 5",
		"w = z / (y - 28)",
		"v = q + 1",
		"u = x * y * z",
	}
	for _, line := range program {
		parts := strings.SplitN(line, "=", 2)
		name := strings.TrimSpace(parts[0])
		p := &parser{toks: tokenize(parts[1])}
		e := p.expr()
		val, err := e.Eval(env)
		if err != nil {
			fmt.Printf("%s: error: %v\n", name, err)
			continue
		}
		env[name] = val
		fmt.Printf("%s = %v = %d\n", name, e, val)
	}
	fmt.Println(env)
}
