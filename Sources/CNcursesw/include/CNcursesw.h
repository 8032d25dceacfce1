#ifndef MIZZEN_CNCURSESW_H
#define MIZZEN_CNCURSESW_H

// The C edge of the console's terminal: the system's ncursesw, loaded with dlopen when the
// console starts (`mizzen_curses_open`), so that no headless command loads it or the
// terminfo library. ncurses.h gives the types; its functions are reached only through the
// `mizzen_` functions below (calling one of its own directly would not link). Macros that
// do not import into Swift, and globals that Swift 6 refuses to read, are functions here
// too. Nothing else belongs here: the logic lives in MizzenTerminal.

// The wide-character API must be asked for.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <ncurses.h>
#include <stdio.h>
#include <wchar.h>

/// Loads ncursesw from the system's library folder and finds every function below; 0 when
/// it is ready (also on later calls), -1 with the reason in `error`.
int mizzen_curses_open(char *error, size_t error_size);

// ncursesw's functions, each through the loaded library (after `mizzen_curses_open`).
SCREEN *mizzen_newterm(const char *type, FILE *output, FILE *input);
void mizzen_delscreen(SCREEN *screen);
int mizzen_endwin(void);
int mizzen_cbreak(void);
int mizzen_noecho(void);
int mizzen_nonl(void);
int mizzen_typeahead(int descriptor);
int mizzen_def_prog_mode(void);
int mizzen_curs_set(int visibility);
int mizzen_mouseinterval(int milliseconds);
mmask_t mizzen_mousemask(mmask_t wanted, mmask_t *old);
bool mizzen_has_colors(void);
int mizzen_start_color(void);
int mizzen_use_default_colors(void);
int mizzen_init_pair(short pair, short foreground, short background);
int mizzen_resize_term(int lines, int columns);
int mizzen_clearok(WINDOW *window, bool clear);
int mizzen_wmove(WINDOW *window, int row, int column);
int mizzen_wnoutrefresh(WINDOW *window);
int mizzen_doupdate(void);
int mizzen_setcchar(
  cchar_t *cell, const wchar_t *characters, attr_t attributes, short pair, const void *options);
int mizzen_getcchar(
  const cchar_t *cell, wchar_t *characters, attr_t *attributes, short *pair, void *options);
int mizzen_mvwadd_wch(WINDOW *window, int row, int column, const cchar_t *cell);
int mizzen_mvwin_wch(WINDOW *window, int row, int column, cchar_t *cell);
int mizzen_getcurx(const WINDOW *window);
int mizzen_getcury(const WINDOW *window);
int mizzen_getmaxx(const WINDOW *window);
int mizzen_getmaxy(const WINDOW *window);
/// The standard screen of the current SCREEN, right after newterm/set_term.
WINDOW *mizzen_stdscr(void);
int mizzen_colors(void);
int mizzen_color_pairs(void);

static inline attr_t mizzen_a_normal(void) { return A_NORMAL; }
static inline attr_t mizzen_a_bold(void) { return A_BOLD; }
static inline attr_t mizzen_a_dim(void) { return A_DIM; }
static inline attr_t mizzen_a_reverse(void) { return A_REVERSE; }
static inline attr_t mizzen_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mizzen_a_color(void) { return A_COLOR; }

static inline mmask_t mizzen_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t mizzen_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t mizzen_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Cells a character takes, as ncurses itself measures it (glibc's table for the locale).
int mizzen_wcwidth(wchar_t c);

/// The codeset of LC_CTYPE, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *mizzen_codeset(void) { return nl_langinfo(CODESET); }

#endif
