/*
 * screens.h - where the screens come from.
 *
 * The screens (src/ui/, ncursesw) are built as a shared object of their
 * own, dienhinh-ui.so, opened only when a person opens them: every command
 * of the command line then starts without loading ncursesw and tinfo.  A
 * program linked with the screens inside it (the sanitizer build, the
 * tests) runs them directly.
 */
#ifndef DIENHINH_SCREENS_H
#define DIENHINH_SCREENS_H

#include "err.h"
#include "register.h"

/* The object's file name, looked for beside the program (build tree), then
 * in the compiled-in DIENHINH_PKGLIBDIR (install). */
#define SCREENS_OBJECT "dienhinh-ui.so"

/*
 * Open the screens on an open register and run them until the person
 * quits: 0 with *status set to ui_main()'s exit status, or -1 with e when
 * the screens cannot be loaded.
 */
int screens_run(struct reg *r, int *status, struct err *e);

#endif
