package extract

import (
	"strings"
	"testing"

	"claimdesk/claims"
)

func TestPlainText(t *testing.T) {
	for name, tt := range map[string]struct {
		raw, filename   string
		title, text     string
		wantCode, inMsg string
	}{
		"plain text stays as it is": {
			raw: "Titre de l'article\nPremier paragraphe, avec 11\u202f000 *étoiles* et [crochets](x).\n\n  Indenté.  \n", filename: "a.txt",
			title: "Titre de l'article",
			text:  "Titre de l'article\nPremier paragraphe, avec 11\u202f000 *étoiles* et [crochets](x).\n\n  Indenté.  \n"},
		"BOM and CRLF": {
			raw: "\xef\xbb\xbfTitle\r\nBody line.\r\n", filename: "a.txt",
			title: "Title", text: "Title\nBody line.\n"},
		"lone CR kept": {
			raw: "A\rB", filename: "a.txt", title: "A\rB", text: "A\rB"},
		"title skips blank lines": {
			raw: "\n\n   \n  Le titre  \nTexte.", filename: "a.txt", title: "Le titre", text: "\n\n   \n  Le titre  \nTexte."},
		"long first line is shortened": {
			raw: strings.Repeat("mot ", 100), filename: "a.txt",
			title: strings.TrimSpace(strings.Repeat("mot ", 50)[:199]) + "…", text: strings.Repeat("mot ", 100)},
		"empty": {raw: "", filename: "a.txt"},
		"invalid UTF-8": {
			raw: "Caf\xe9 cr\xe8me", filename: "a.txt", wantCode: claims.EINVALID, inMsg: "UTF-8"},
		"NUL byte": {
			raw: "abc\x00def", filename: "a.txt", wantCode: claims.EINVALID, inMsg: "NUL"},
		"markdown by extension": {
			raw:      "# Le *titre*\n\nUn paragraphe **gras** avec un [lien](https://x.fr) et ![image](a.png)\nsur deux lignes.\n\n- premier point\n- second `point`\n\n> Une citation\n> en deux lignes.\n\n```go\nfmt.Println(1)\n```\n\n---\n\n[ref]: https://example.com\nsnake_case et 2 * 3 restent.\n",
			filename: "notes.md",
			title:    "Le titre",
			text:     "Le titre\n\nUn paragraphe gras avec un lien et sur deux lignes.\n\npremier point\n\nsecond point\n\nUne citation en deux lignes.\n\nfmt.Println(1)\n\nsnake_case et 2 * 3 restent."},
		"markdown sniffed by heading": {
			raw: "# Headline\r\n\r\nSome _emphasis_ and __strong__ and ~~struck~~ words.\r\n## Section\r\nMore \\*text\\*.", filename: "article.txt",
			title: "Headline", text: "Headline\n\nSome emphasis and strong and struck words.\n\nSection\n\nMore *text*."},
		"hashtag is not a heading": {
			raw: "Il a écrit #inflation.\n#2 sur la liste.", filename: "a.txt",
			title: "Il a écrit #inflation.", text: "Il a écrit #inflation.\n#2 sur la liste."},
		"html article": {
			raw: `<!DOCTYPE html><html><head><title>Site — Page</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
<body><header><nav><a href="/">Accueil</a></nav></header>
<article><header><h1>Le  titre &amp; la suite</h1></header>
<p>Premier   paragraphe,
avec 11&nbsp;000 conteneurs et l&#8217;OTAN.</p>
<figure><img src="a.jpg"><figcaption>Une légende.</figcaption></figure>
<blockquote><p>« Une citation. »</p></blockquote>
<ul><li>Point <b>un</b></li><li>Point deux</li></ul>
<aside>Lire aussi</aside><form><input value="x">S'abonner</form>
<h2>Intertitre</h2><p>Dernier<br>paragraphe.</p><div hidden>caché</div><noscript>Activez JS</noscript></article>
<footer>© Journal</footer></body></html>`, filename: "page.html",
			title: "Le titre & la suite",
			text:  "Premier paragraphe, avec 11\u00a0000 conteneurs et l’OTAN.\nUne légende.\n« Une citation. »\nPoint un\nPoint deux\nIntertitre\nDernier\nparagraphe."},
		"html sniffed by content": {
			raw: "  \n<html><body><p>Hello <i>world</i>.</p><p>Second.</p></body></html>", filename: "saved.txt",
			title: "Hello world.", text: "Hello world.\nSecond."},
		"html longest article wins": {
			raw: `<html><body><article><p>Related story.</p></article><article><h1>Main</h1><p>The main story is longer than the other one.</p></article></body></html>`, filename: "p.htm",
			title: "Main", text: "Main\nThe main story is longer than the other one."},
		"html main without article": {
			raw: `<html><head><title>Only title</title></head><body><div>Menu</div><main><p>Main text.</p></main></body></html>`, filename: "p.html",
			title: "Only title", text: "Main text."},
		"html malformed": {
			raw: `<html><p>Unclosed <b>bold <i>mixed</p></div></span><p>Next &bogus; &lt;tag&gt;`, filename: "p.html",
			title: "Unclosed bold mixed", text: "Unclosed bold mixed\nNext &bogus; <tag>"},
		"html windows-1252 with charset": {
			raw: "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 cr\xe8me \x93quoted\x94.</p></body></html>", filename: "p.html",
			title: "Café crème “quoted”.", text: "Café crème “quoted”."},
		"html invalid UTF-8 without charset": {
			raw: "<html><body><p>Caf\xe9</p></body></html>", filename: "p.html", wantCode: claims.EINVALID, inMsg: "UTF-8"},
		"html too deep": {
			raw: "<html><body>" + strings.Repeat("<div>", 600) + "x", filename: "p.html", wantCode: claims.EINVALID, inMsg: "HTML"},
	} {
		t.Run(name, func(t *testing.T) {
			title, text, err := PlainText([]byte(tt.raw), tt.filename)
			if tt.wantCode != "" {
				if claims.ErrorCode(err) != tt.wantCode || !strings.Contains(claims.ErrorMessage(err), tt.inMsg) {
					t.Fatalf("err = %v, want %s containing %q", err, tt.wantCode, tt.inMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if title != tt.title {
				t.Errorf("title = %q, want %q", title, tt.title)
			}
			if text != tt.text {
				t.Errorf("text =\n%q\nwant\n%q", text, tt.text)
			}
		})
	}
}

func TestPlainTextSeedIsByteIdentical(t *testing.T) {
	seed := readSeed(t)
	title, text, err := PlainText([]byte(seed), "article-fr.txt")
	if err != nil {
		t.Fatal(err)
	}
	if text != seed {
		t.Error("the seed article changed")
	}
	if want := "Quelles sont les inquiétudes de l’OTAN face à la visite du président russe en Corée du Nord ?"; title != want {
		t.Errorf("title = %q, want %q", title, want)
	}
}

func TestReadDetectsLanguage(t *testing.T) {
	doc, err := Read(strings.NewReader(readSeed(t)), "article-fr.txt")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Language != claims.LangFrench || doc.Title == "" || doc.Text == "" {
		t.Errorf("Read = %q, %q, %d bytes", doc.Language, doc.Title, len(doc.Text))
	}
}
