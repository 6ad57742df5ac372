package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"claimdesk/claims"
	"claimdesk/claims/extract"
)

// maxBatchText bounds the article text one transaction of a bulk import
// holds: a folder larger than this is imported in several, each whole.
const maxBatchText = 64 << 20

// bulkOptions are the flags of an import that apply to every article.
type bulkOptions struct {
	lang, outlet string
	threshold    float64
}

// bulkItem is one file of a bulk import and what became of it.
type bulkItem struct {
	path  string
	found extract.Suggestions
	claims.ArticleImport
}

// articlePaths turns the arguments of import into the files to read: a
// folder gives its files, sorted, leaving out hidden ones and sub-folders.
func articlePaths(args []string) ([]string, bool, error) {
	var paths []string
	several := len(args) > 1
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			paths = append(paths, arg)
			continue
		}
		several = true
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, false, claims.Errorf(claims.EINVALID, "Cannot read the folder %s: %v.", arg, err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
				paths = append(paths, filepath.Join(arg, e.Name()))
			}
		}
	}
	if several && len(paths) == 0 {
		return nil, false, claims.Errorf(claims.EINVALID, "There is no article to import in %s.", strings.Join(args, ", "))
	}
	return paths, several, nil
}

// readArticles reads and analyses the files on every core, keeping their
// order; the first file that cannot be read stops the import before
// anything is stored.
func readArticles(paths []string, opts bulkOptions) ([]*bulkItem, error) {
	items := make([]*bulkItem, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				items[i], errs[i] = readArticle(paths[i], opts)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, claims.Errorf(claims.ErrorCode(err), "Nothing was imported, because of %s: %v", filepath.Base(paths[i]), claims.TextOf(err))
		}
	}
	return items, nil
}

func readArticle(path string, opts bulkOptions) (*bulkItem, error) {
	if path == "-" {
		return nil, claims.Errorf(claims.EINVALID, "Standard input is one article: import it alone.")
	}
	doc, err := extract.ReadFile(path)
	if err != nil {
		return nil, err
	}
	a := &claims.Article{Title: doc.Title, Outlet: opts.outlet, Language: or(opts.lang, doc.Language), Text: doc.Text}
	if !claims.ValidLanguage(a.Language) {
		return nil, claims.Errorf(claims.EINVALID, "The language must be %q or %q.", claims.LangFrench, claims.LangEnglish)
	}
	found, err := extract.SuggestCapped(a.Text, extract.Analyze(a.Text, a.Language), opts.threshold)
	if err != nil {
		return nil, err
	}
	return &bulkItem{path: path, found: found, ArticleImport: claims.ArticleImport{Article: a, Claims: found.Claims}}, nil
}

// batches splits items into runs of at most maxBatchText of text.
func batches(items []*bulkItem) [][]*bulkItem {
	var out [][]*bulkItem
	size := 0
	for _, it := range items {
		n := len(it.Article.Text)
		if len(out) == 0 || size+n > maxBatchText {
			out, size = append(out, nil), 0
		}
		out[len(out)-1] = append(out[len(out)-1], it)
		size += n
	}
	return out
}

// runBulkImport imports several files, or the files of a folder, each
// batch in one transaction.
func runBulkImport(r *runner, f *flags, paths []string, opts bulkOptions) error {
	items, err := readArticles(paths, opts)
	if err != nil {
		return err
	}
	st, err := r.openWith(*f.db, OpenOptions{Sample: true})
	if err != nil {
		return err
	}
	for _, batch := range batches(items) {
		list := make([]*claims.ArticleImport, len(batch))
		for i, it := range batch {
			list[i] = &it.ArticleImport
		}
		if err := st.ImportArticles(r.actor(*f.as), list); err != nil {
			return err
		}
	}
	if *f.json {
		return r.printBulkJSON(items)
	}
	return r.printBulk(items)
}

func (r *runner) printBulk(items []*bulkItem) error {
	imported, suggested := 0, 0
	var left []string
	for _, it := range items {
		if it.Duplicate != "" {
			left = append(left, fmt.Sprintf("  %s: already in the file as %q", field(filepath.Base(it.path)), field(it.Duplicate)))
			continue
		}
		imported++
		suggested += len(it.Claims)
		fmt.Fprintf(r.env.Stdout, "%s  %s  %4d claim(s)  %s\n", it.Article.ID, it.Article.Language, len(it.Claims), field(it.Article.Title))
	}
	fmt.Fprintf(r.env.Stdout, "Imported %d article(s) with %d suggested claim(s), to triage.\n", imported, suggested)
	if len(left) > 0 {
		sort.Strings(left)
		fmt.Fprintf(r.env.Stdout, "Left out %d article(s) already in the file:\n%s\n", len(left), strings.Join(left, "\n"))
	}
	return nil
}

func (r *runner) printBulkJSON(items []*bulkItem) error {
	out := make([]map[string]any, len(items))
	for i, it := range items {
		entry := map[string]any{"file": it.path, "title": it.Article.Title, "language": it.Article.Language}
		if it.Duplicate != "" {
			entry["already_imported_as"] = it.Duplicate
		} else {
			entry["id"], entry["claims"] = it.Article.ID, len(it.Claims)
			if it.found.Capped() {
				entry["suggestions_capped"] = map[string]int{"kept": len(it.found.Claims), "found": it.found.Found}
			}
		}
		out[i] = entry
	}
	return r.writeJSON(out)
}
