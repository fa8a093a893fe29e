/*
 * first-paint: how long a GUI command takes to map its window and then to paint something into it.
 *
 *   gcc -O2 -o first-paint tools/first-paint.c -lX11      (Debian: libx11-dev)
 *   DISPLAY=:77 ./first-paint [-t TITLE] [-s SECONDS] COMMAND [ARGS...]
 *
 * Starts COMMAND, then every 2 ms looks for a viewable top-level window titled TITLE (default "WS Inspector")
 * whose _NET_WM_PID is the command's (so no other program's window counts; a script that execs keeps the pid)
 * and, once there, reads a strip of its pixels (the top 60 rows: a toolbar in any sane layout) until one is
 * neither white nor black, i.e. the app drew its content rather than the blank window the toolkit maps first.
 * Prints "MAP_MS PAINT_MS" (milliseconds since the start) and ends the command. Reading 60 rows by XGetImage
 * costs well under a millisecond, so the measurement hardly disturbs what it measures (unlike screenshots with
 * ImageMagick, ≈ 100 ms of CPU each). Meant for Xvfb without a window manager: windows are children of the root.
 * Exit 1 if nothing is mapped or painted within SECONDS (default 30).
 */
#define _POSIX_C_SOURCE 200809L
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int ignore_errors(Display *d, XErrorEvent *e) {
    (void) d;
    (void) e;
    return 0;  /* windows come and go while we look at them */
}

/* The window's _NET_WM_PID (GTK sets it), or -1. */
static long window_pid(Display *d, Window w) {
    Atom prop = XInternAtom(d, "_NET_WM_PID", True), type;
    int format;
    unsigned long items, after;
    unsigned char *data = NULL;
    long pid = -1;
    if (prop != None && XGetWindowProperty(d, w, prop, 0, 1, False, XA_CARDINAL, &type, &format, &items, &after,
                                           &data) == Success && data) {
        if (type == XA_CARDINAL && format == 32 && items == 1) {
            pid = (long) *(unsigned long *) data;
        }
        XFree(data);
    }
    return pid;
}

static Window find_window(Display *d, const char *title, pid_t pid) {
    Window root = DefaultRootWindow(d), parent, *children = NULL;
    unsigned int n = 0;
    Window found = 0;
    if (!XQueryTree(d, root, &root, &parent, &children, &n)) {
        return 0;
    }
    for (unsigned int i = 0; i < n && !found; i++) {
        char *name = NULL;
        XWindowAttributes a;
        if (XFetchName(d, children[i], &name) && name) {
            if (strcmp(name, title) == 0 && window_pid(d, children[i]) == pid
                    && XGetWindowAttributes(d, children[i], &a) && a.map_state == IsViewable) {
                found = children[i];
            }
            XFree(name);
        }
    }
    if (children) {
        XFree(children);
    }
    return found;
}

static int painted(Display *d, Window w) {
    XWindowAttributes a;
    if (!XGetWindowAttributes(d, w, &a) || a.width < 2 || a.height < 2) {
        return 0;
    }
    int rows = a.height < 60 ? a.height : 60;
    XImage *img = XGetImage(d, w, 0, 0, (unsigned) a.width, (unsigned) rows, AllPlanes, ZPixmap);
    if (!img) {
        return 0;
    }
    int drawn = 0;
    for (int y = 0; y < rows && !drawn; y++) {
        for (int x = 0; x < a.width && !drawn; x++) {
            unsigned long p = XGetPixel(img, x, y) & 0xffffff;
            drawn = p != 0xffffff && p != 0;
        }
    }
    XDestroyImage(img);
    return drawn;
}

int main(int argc, char **argv) {
    const char *title = "WS Inspector";
    double limit_ms = 30000;
    int opt;
    while ((opt = getopt(argc, argv, "+t:s:")) != -1) {
        if (opt == 't') {
            title = optarg;
        } else if (opt == 's') {
            limit_ms = atof(optarg) * 1000;
        } else {
            return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "usage: first-paint [-t TITLE] [-s SECONDS] COMMAND [ARGS...]\n");
        return 2;
    }
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "first-paint: cannot open display %s\n", getenv("DISPLAY") ? getenv("DISPLAY") : "(unset)");
        return 2;
    }
    XSetErrorHandler(ignore_errors);
    double start = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        execvp(argv[optind], argv + optind);
        perror("first-paint: exec");
        _exit(127);
    }
    double map_ms = -1, paint_ms = -1;
    Window w = 0;
    struct timespec tick = {0, 2 * 1000 * 1000};
    while (now_ms() - start < limit_ms && paint_ms < 0) {
        if (waitpid(pid, NULL, WNOHANG) == pid) {
            fprintf(stderr, "first-paint: the command exited first\n");
            return 1;
        }
        if (!w) {
            w = find_window(d, title, pid);
            if (w) {
                map_ms = now_ms() - start;
            }
        }
        if (w && painted(d, w)) {
            paint_ms = now_ms() - start;
        }
        nanosleep(&tick, NULL);
    }
    kill(-pid, SIGTERM);
    waitpid(pid, NULL, 0);
    if (paint_ms < 0) {
        fprintf(stderr, "first-paint: no %s within %.0f s\n", w ? "paint" : "window", limit_ms / 1000);
        return 1;
    }
    printf("%.0f %.0f\n", map_ms, paint_ms);
    return 0;
}
