package main

import (
	"fmt"
	"time"
)

// Calendar arithmetic, layouts and parsing on fixed instants (UTC and
// fixed zones only, so the output does not depend on the machine).
func main() {
	t := time.Date(2024, time.February, 29, 13, 4, 5, 123456789, time.UTC)
	for _, layout := range []string{
		time.RFC3339, time.RFC3339Nano, time.ANSIC, time.RFC1123Z, time.Kitchen,
		time.StampMilli, time.DateTime, "Monday, 02-Jan-06 3:04:05.000 pm -07:00 __2",
	} {
		fmt.Println(t.Format(layout))
	}
	fmt.Println(t, t.Weekday(), t.YearDay(), t.Unix())
	y, w := t.ISOWeek()
	fmt.Println(y, w)

	est := time.FixedZone("EST", -5*60*60)
	fmt.Println(t.In(est), t.In(est).Format(time.RFC822Z))
	fmt.Println(t.AddDate(0, 1, 0), t.AddDate(1, 0, 0).Format(time.DateOnly))
	fmt.Println(t.Truncate(time.Hour), t.Round(24*time.Hour))
	fmt.Println(time.Date(2023, 12, 32, 25, 0, 0, 0, time.UTC))

	u := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	d := t.Sub(u)
	fmt.Println(d, d.Hours(), u.Before(t), t.Compare(u))

	var zero time.Time
	fmt.Println(zero.IsZero(), zero, time.Unix(1e9, 0).UTC())

	for _, s := range []string{"2006-01-02T15:04:05Z", "2021-03-04T05:06:07.5-08:00", "2021-02-30T00:00:00Z", "yesterday"} {
		p, err := time.Parse(time.RFC3339, s)
		fmt.Println(p, err)
	}
	for _, s := range []string{"1h30m", "1.5s", "-300ms", "2h45m30.5s", "10", "1d"} {
		dd, err := time.ParseDuration(s)
		fmt.Println(dd, err)
	}
	fmt.Println(time.March, time.Saturday, 90*time.Second, 1500*time.Microsecond)
}
