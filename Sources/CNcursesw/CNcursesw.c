#define _GNU_SOURCE  // wcwidth
#include "CNcursesw.h"

#include <CSystemLibrary.h>
#include <dlfcn.h>
#include <pthread.h>

#if NCURSES_REENTRANT
#error "stdscr, COLORS and COLOR_PAIRS are read as variables; this ncurses makes them functions"
#endif

#define MIZZEN_STRING(x) #x
#define MIZZEN_SONAME(major) "libncursesw.so." MIZZEN_STRING(major)

// Every function and variable used, each typed as ncurses.h declares it. A name is never
// followed by `(` here or below, so ncurses' macros of the same names stay out of the way.
#define MIZZEN_CURSES_NAMES(X)                                                             \
  X(newterm) X(delscreen) X(endwin) X(cbreak) X(noecho) X(nonl) X(typeahead)               \
  X(def_prog_mode) X(curs_set) X(mouseinterval) X(mousemask) X(has_colors)                 \
  X(start_color) X(use_default_colors) X(init_pair) X(resize_term) X(clearok) X(wmove)     \
  X(wnoutrefresh) X(doupdate) X(setcchar) X(getcchar) X(mvwadd_wch) X(mvwin_wch)          \
  X(getcurx) X(getcury) X(getmaxx) X(getmaxy) X(stdscr) X(COLORS) X(COLOR_PAIRS)

#define MIZZEN_FIELD(name) __typeof__(&name) name;
static struct {
  MIZZEN_CURSES_NAMES(MIZZEN_FIELD)
} curses;

static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;
static int opened = 0;

int mizzen_curses_open(char *error, size_t error_size) {
  pthread_mutex_lock(&open_lock);
  if (opened) {
    pthread_mutex_unlock(&open_lock);
    return 0;
  }
  const char *soname = MIZZEN_SONAME(NCURSES_VERSION_MAJOR);
  void *handle = mizzen_open_system_library(soname, error, error_size);
  if (handle == NULL) {
    pthread_mutex_unlock(&open_lock);
    return -1;
  }
  // dlsym on the handle also searches the libraries ncursesw depends on (libtinfo).
#define MIZZEN_FIND(name)                                                                  \
  curses.name = (__typeof__(&name))dlsym(handle, #name);                                   \
  if (curses.name == NULL) {                                                               \
    snprintf(error, error_size, "%s has no %s", soname, #name);                            \
    dlclose(handle);                                                                       \
    pthread_mutex_unlock(&open_lock);                                                      \
    return -1;                                                                             \
  }
  MIZZEN_CURSES_NAMES(MIZZEN_FIND)
#undef MIZZEN_FIND
  opened = 1;
  pthread_mutex_unlock(&open_lock);
  return 0;
}

SCREEN *mizzen_newterm(const char *type, FILE *output, FILE *input) {
  return (curses.newterm)(type, output, input);
}
void mizzen_delscreen(SCREEN *screen) { (curses.delscreen)(screen); }
int mizzen_endwin(void) { return (curses.endwin)(); }
int mizzen_cbreak(void) { return (curses.cbreak)(); }
int mizzen_noecho(void) { return (curses.noecho)(); }
int mizzen_nonl(void) { return (curses.nonl)(); }
int mizzen_typeahead(int descriptor) { return (curses.typeahead)(descriptor); }
int mizzen_def_prog_mode(void) { return (curses.def_prog_mode)(); }
int mizzen_curs_set(int visibility) { return (curses.curs_set)(visibility); }
int mizzen_mouseinterval(int milliseconds) { return (curses.mouseinterval)(milliseconds); }
mmask_t mizzen_mousemask(mmask_t wanted, mmask_t *old) { return (curses.mousemask)(wanted, old); }
bool mizzen_has_colors(void) { return (curses.has_colors)(); }
int mizzen_start_color(void) { return (curses.start_color)(); }
int mizzen_use_default_colors(void) { return (curses.use_default_colors)(); }
int mizzen_init_pair(short pair, short foreground, short background) {
  return (curses.init_pair)(pair, foreground, background);
}
int mizzen_resize_term(int lines, int columns) { return (curses.resize_term)(lines, columns); }
int mizzen_clearok(WINDOW *window, bool clear) { return (curses.clearok)(window, clear); }
int mizzen_wmove(WINDOW *window, int row, int column) {
  return (curses.wmove)(window, row, column);
}
int mizzen_wnoutrefresh(WINDOW *window) { return (curses.wnoutrefresh)(window); }
int mizzen_doupdate(void) { return (curses.doupdate)(); }
int mizzen_setcchar(
  cchar_t *cell, const wchar_t *characters, attr_t attributes, short pair, const void *options) {
  return (curses.setcchar)(cell, characters, attributes, pair, options);
}
int mizzen_getcchar(
  const cchar_t *cell, wchar_t *characters, attr_t *attributes, short *pair, void *options) {
  return (curses.getcchar)(cell, characters, attributes, pair, options);
}
int mizzen_mvwadd_wch(WINDOW *window, int row, int column, const cchar_t *cell) {
  return (curses.mvwadd_wch)(window, row, column, cell);
}
int mizzen_mvwin_wch(WINDOW *window, int row, int column, cchar_t *cell) {
  return (curses.mvwin_wch)(window, row, column, cell);
}
int mizzen_getcurx(const WINDOW *window) { return (curses.getcurx)(window); }
int mizzen_getcury(const WINDOW *window) { return (curses.getcury)(window); }
int mizzen_getmaxx(const WINDOW *window) { return (curses.getmaxx)(window); }
int mizzen_getmaxy(const WINDOW *window) { return (curses.getmaxy)(window); }
WINDOW *mizzen_stdscr(void) { return *curses.stdscr; }
int mizzen_colors(void) { return *curses.COLORS; }
int mizzen_color_pairs(void) { return *curses.COLOR_PAIRS; }

int mizzen_wcwidth(wchar_t c) { return wcwidth(c); }
