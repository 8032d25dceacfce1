#ifndef MIZZEN_CNCURSESW_SHIM_H
#define MIZZEN_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <ncurses.h>
#include <stdio.h>
#include <wchar.h>

// Macros that do not import into Swift, and globals that Swift 6 refuses to read, as
// functions. Nothing else belongs here: the logic lives in MizzenTerminal.

static inline attr_t mizzen_a_normal(void) { return A_NORMAL; }
static inline attr_t mizzen_a_bold(void) { return A_BOLD; }
static inline attr_t mizzen_a_dim(void) { return A_DIM; }
static inline attr_t mizzen_a_reverse(void) { return A_REVERSE; }
static inline attr_t mizzen_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mizzen_a_color(void) { return A_COLOR; }

static inline int mizzen_key_f(int n) { return KEY_F(n); }

/// The standard screen of the current SCREEN, right after newterm/set_term.
static inline WINDOW *mizzen_stdscr(void) { return stdscr; }

static inline mmask_t mizzen_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t mizzen_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t mizzen_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t mizzen_button5_pressed(void) { return BUTTON5_PRESSED; }

static inline int mizzen_colors(void) { return COLORS; }
static inline int mizzen_color_pairs(void) { return COLOR_PAIRS; }

/// Cells a character takes, as ncurses itself measures it (glibc's table for the locale).
static inline int mizzen_wcwidth(wchar_t c) { return wcwidth(c); }

/// The codeset of LC_CTYPE, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *mizzen_codeset(void) { return nl_langinfo(CODESET); }

#endif
