package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

type articleTab struct{ l *widget.Label }

func newArticleTab(e *env) *articleTab                  { return &articleTab{widget.NewLabel("article")} }
func (t *articleTab) object() fyne.CanvasObject         { return t.l }
func (t *articleTab) show(articleID, selectedID string) {}
