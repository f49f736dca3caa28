package debug

import (
	"errors"
	"runtime"
	"strconv"
	"strings"
)

// ReadBuildInfo returns the build information embedded in the running
// binary: that of a program built from files on the command line.
func ReadBuildInfo() (info *BuildInfo, ok bool) {
	return &BuildInfo{
		GoVersion: runtime.Version(),
		Path:      "command-line-arguments",
		Settings: []BuildSetting{
			{Key: "-buildmode", Value: "exe"},
			{Key: "-compiler", Value: "gc"},
			{Key: "CGO_ENABLED", Value: "1"},
			{Key: "CGO_CFLAGS", Value: ""},
			{Key: "CGO_CPPFLAGS", Value: ""},
			{Key: "CGO_CXXFLAGS", Value: ""},
			{Key: "CGO_LDFLAGS", Value: ""},
			{Key: "GOARCH", Value: runtime.GOARCH},
			{Key: "GOOS", Value: runtime.GOOS},
			{Key: "GOAMD64", Value: "v1"},
		},
	}, true
}

// BuildInfo represents the build information read from a Go binary.
type BuildInfo struct {
	// GoVersion is the version of the Go toolchain that built the binary
	// (for example, "go1.19.2").
	GoVersion string

	// Path is the package path of the main package for the binary (for
	// example, "golang.org/x/tools/cmd/stringer").
	Path string

	// Main describes the module that contains the main package for the
	// binary.
	Main Module

	// Deps describes all the dependency modules, both direct and
	// indirect, that contributed packages to the build of this binary.
	Deps []*Module

	// Settings describes the build settings used to build the binary.
	Settings []BuildSetting
}

// A Module describes a single module included in a build.
type Module struct {
	Path    string  // module path
	Version string  // module version
	Sum     string  // checksum
	Replace *Module // replaced by this module
}

// A BuildSetting is a key-value pair describing one setting that
// influenced the build.
type BuildSetting struct {
	// Key and Value describe the build setting.
	// Key must not contain an equals sign, space, tab, or newline.
	// Value must not contain newlines ('\n').
	Key, Value string
}

// quoteKey reports whether key is required to be quoted.
func quoteKey(key string) bool {
	return len(key) == 0 || strings.ContainsAny(key, "= \t\r\n\"`")
}

// quoteValue reports whether value is required to be quoted.
func quoteValue(value string) bool {
	return strings.ContainsAny(value, " \t\r\n\"`")
}

// String returns a string representation of a BuildInfo.
func (bi *BuildInfo) String() string {
	var b strings.Builder
	if bi.GoVersion != "" {
		b.WriteString("go\t" + bi.GoVersion + "\n")
	}
	if bi.Path != "" {
		b.WriteString("path\t" + bi.Path + "\n")
	}
	var writeMod func(string, Module)
	writeMod = func(word string, m Module) {
		b.WriteString(word + "\t" + m.Path + "\t" + m.Version)
		if m.Replace == nil {
			b.WriteString("\t" + m.Sum)
		} else {
			b.WriteString("\n")
			writeMod("=>", *m.Replace)
		}
		b.WriteString("\n")
	}
	if bi.Main != (Module{}) {
		writeMod("mod", bi.Main)
	}
	for _, dep := range bi.Deps {
		writeMod("dep", *dep)
	}
	for _, s := range bi.Settings {
		key, value := s.Key, s.Value
		if quoteKey(key) {
			key = strconv.Quote(key)
		}
		if quoteValue(value) {
			value = strconv.Quote(value)
		}
		b.WriteString("build\t" + key + "=" + value + "\n")
	}
	return b.String()
}

// ParseBuildInfo parses the string returned by BuildInfo.String,
// restoring the original BuildInfo, except that the GoVersion field is
// not set.
func ParseBuildInfo(data string) (bi *BuildInfo, err error) {
	lineNum := 1
	defer func() {
		if err != nil {
			err = errors.New("could not parse Go build info: line " + strconv.Itoa(lineNum) + ": " + err.Error())
		}
	}()

	const (
		pathLine  = "path\t"
		modLine   = "mod\t"
		depLine   = "dep\t"
		repLine   = "=>\t"
		buildLine = "build\t"
		newline   = "\n"
		tab       = "\t"
	)

	readModuleLine := func(elem []string) (Module, error) {
		if len(elem) != 2 && len(elem) != 3 {
			return Module{}, errors.New("expected 2 or 3 columns; got " + strconv.Itoa(len(elem)))
		}
		version := elem[1]
		sum := ""
		if len(elem) == 3 {
			sum = elem[2]
		}
		return Module{Path: elem[0], Version: version, Sum: sum}, nil
	}

	bi = new(BuildInfo)
	var last *Module
	var line string
	var ok bool
	for len(data) > 0 {
		line, data, ok = strings.Cut(data, newline)
		if !ok {
			break
		}
		switch {
		case strings.HasPrefix(line, pathLine):
			bi.Path = line[len(pathLine):]
		case strings.HasPrefix(line, modLine):
			elem := strings.Split(line[len(modLine):], tab)
			last = &bi.Main
			*last, err = readModuleLine(elem)
			if err != nil {
				return nil, err
			}
		case strings.HasPrefix(line, depLine):
			elem := strings.Split(line[len(depLine):], tab)
			last = new(Module)
			bi.Deps = append(bi.Deps, last)
			*last, err = readModuleLine(elem)
			if err != nil {
				return nil, err
			}
		case strings.HasPrefix(line, repLine):
			elem := strings.Split(line[len(repLine):], tab)
			if len(elem) != 3 {
				return nil, errors.New("expected 3 columns for replacement; got " + strconv.Itoa(len(elem)))
			}
			if last == nil {
				return nil, errors.New("replacement with no module on previous line")
			}
			last.Replace = &Module{Path: elem[0], Version: elem[1], Sum: elem[2]}
			last = nil
		case strings.HasPrefix(line, buildLine):
			kv := line[len(buildLine):]
			if len(kv) < 1 {
				return nil, errors.New("build line missing '='")
			}
			var key, rawValue string
			switch kv[0] {
			case '=':
				return nil, errors.New("build line with missing key")
			case '`', '"':
				rawKey, err := strconv.QuotedPrefix(kv)
				if err != nil {
					return nil, errors.New("invalid quoted key in build line")
				}
				if len(kv) == len(rawKey) {
					return nil, errors.New("build line missing '=' after quoted key")
				}
				if c := kv[len(rawKey)]; c != '=' {
					return nil, errors.New("unexpected character after quoted key: " + strconv.QuoteRune(rune(c)))
				}
				key, _ = strconv.Unquote(rawKey)
				rawValue = kv[len(rawKey)+1:]
			default:
				var ok bool
				key, rawValue, ok = strings.Cut(kv, "=")
				if !ok {
					return nil, errors.New("build line missing '=' after key")
				}
				if quoteKey(key) {
					return nil, errors.New("unquoted key " + strconv.Quote(key) + " must be quoted")
				}
			}
			var value string
			if len(rawValue) > 0 {
				switch rawValue[0] {
				case '`', '"':
					var err error
					value, err = strconv.Unquote(rawValue)
					if err != nil {
						return nil, errors.New("invalid quoted value in build line")
					}
				default:
					value = rawValue
					if quoteValue(value) {
						return nil, errors.New("unquoted value " + strconv.Quote(value) + " must be quoted")
					}
				}
			}
			bi.Settings = append(bi.Settings, BuildSetting{Key: key, Value: value})
		}
		lineNum++
	}
	return bi, nil
}
