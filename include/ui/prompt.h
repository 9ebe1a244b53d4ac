/*
 * ui/prompt.h - small boxes over the current screen: a yes/no question, a
 * one-line answer, a confirmation with its reason, and a pick-list.
 *
 * Each runs its own key loop on top of the screen below (so resizing and
 * live updates keep working underneath) and answers 1 (chosen / yes / OK),
 * 0 (cancelled / no) or UI_KEY_QUIT when the session must end.  Every box
 * can be left without Esc: Ctrl-X, F10 or the answer keys.
 */
#ifndef DIENHINH_UI_PROMPT_H
#define DIENHINH_UI_PROMPT_H

#include <stddef.h>

#include "ui/term.h"

/* Ask a question answered c/y (có, yes) or k/n (không, no); Enter means no. */
int ui_prompt_yesno(struct ui *ui, const char *title, const char *question);

/*
 * Ask for one line of text (at most `max` letters), starting from `init`
 * (may be NULL).  On 1, *out is a new UTF-8 string (free()).
 */
int ui_prompt_line(struct ui *ui, const char *title, const char *label, const char *init,
		   size_t max, char **out);

/*
 * Confirm a change that needs a reason: `question` says what will happen,
 * the reason is typed under it (at most `max` letters).  Enter confirms
 * once the reason holds more than blanks; Ctrl-X cancels.  On 1, *out is
 * the reason (free()).
 */
int ui_prompt_reason(struct ui *ui, const char *title, const char *question, size_t max,
		     char **out);

/*
 * Choose one of `n` labels, starting on `initial`.  Typing narrows the
 * list (diacritics and case ignored).  On 1, *chosen is the index.
 */
int ui_prompt_pick(struct ui *ui, const char *title, const char *const *labels, size_t n,
		   size_t initial, size_t *chosen);

#endif
