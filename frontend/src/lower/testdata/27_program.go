package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

type Account struct {
	ID      int
	Owner   string
	Balance float64
	History []Tx
}

type Tx struct {
	Kind   string
	Amount float64
}

var ErrInsufficient = errors.New("insufficient funds")

type BankError struct {
	Op  string
	ID  int
	Err error
}

func (e *BankError) Error() string { return fmt.Sprintf("%s on %d: %v", e.Op, e.ID, e.Err) }
func (e *BankError) Unwrap() error { return e.Err }

type Bank struct {
	accounts map[int]*Account
	nextID   int
}

func NewBank() *Bank { return &Bank{accounts: map[int]*Account{}, nextID: 1} }

func (b *Bank) Open(owner string, initial float64) *Account {
	a := &Account{ID: b.nextID, Owner: owner, Balance: initial}
	a.History = append(a.History, Tx{"open", initial})
	b.accounts[a.ID] = a
	b.nextID++
	return a
}

func (b *Bank) Withdraw(id int, amt float64) error {
	a, ok := b.accounts[id]
	if !ok {
		return &BankError{"withdraw", id, errors.New("no such account")}
	}
	if a.Balance < amt {
		return &BankError{"withdraw", id, ErrInsufficient}
	}
	a.Balance -= amt
	a.History = append(a.History, Tx{"withdraw", amt})
	return nil
}

func (b *Bank) Transfer(from, to int, amt float64) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("transfer failed: %w", err)
		}
	}()
	if err := b.Withdraw(from, amt); err != nil {
		return err
	}
	b.accounts[to].Balance += amt
	b.accounts[to].History = append(b.accounts[to].History, Tx{"deposit", amt})
	return nil
}

func (b *Bank) Report() string {
	var sb strings.Builder
	ids := make([]int, 0, len(b.accounts))
	for id := range b.accounts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		a := b.accounts[id]
		fmt.Fprintf(&sb, "%-3d %-6s %8.2f %d txs\n", a.ID, a.Owner, a.Balance, len(a.History))
	}
	return sb.String()
}

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (c Circle) Area() float64      { return 3.14159 * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * 3.14159 * c.R }
func (c Circle) String() string     { return fmt.Sprintf("Circle(%.1f)", c.R) }

func main() {
	bank := NewBank()
	alice := bank.Open("alice", 100)
	bob := bank.Open("bob", 50)
	fmt.Println(bank.Transfer(alice.ID, bob.ID, 30))
	err := bank.Transfer(bob.ID, alice.ID, 500)
	fmt.Println(err)
	var be *BankError
	fmt.Println(errors.Is(err, ErrInsufficient), be == nil)
	fmt.Println(bank.Withdraw(99, 1))
	fmt.Print(bank.Report())
	shapes := []Shape{Rect{3, 4}, Circle{1}, Rect{1, 1}}
	slices.SortFunc(shapes, func(a, b Shape) int {
		switch {
		case a.Area() < b.Area():
			return -1
		case a.Area() > b.Area():
			return 1
		}
		return 0
	})
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		fmt.Printf("%v %.2f %.2f\n", s, s.Area(), s.Perimeter())
	}
	fmt.Printf("total %.3f\n", total)
	counts := map[string]int{}
	text := "the cat and the hat and the bat"
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	type wc struct {
		w string
		c int
	}
	var wcs []wc
	for w, c := range counts {
		wcs = append(wcs, wc{w, c})
	}
	slices.SortFunc(wcs, func(a, b wc) int {
		if a.c != b.c {
			return b.c - a.c
		}
		return strings.Compare(a.w, b.w)
	})
	fmt.Println(wcs)
}
