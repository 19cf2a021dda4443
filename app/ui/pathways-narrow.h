/* pathways-narrow.h — a table page that folds to a list when narrow
 *
 * libadwaita 1.2 has no AdwBreakpoint.  The caseload and the register
 * show a column view in a wide window and, below PATHWAYS_NARROW_WIDTH,
 * a list of two-line rows over the same rows in its place (the pages of
 * a stack named "table" and "narrow").  The page is a bin: its measure
 * and size_allocate hand over to these, which see the width it is given
 * and fold or unfold on the next turn of the main loop (never from
 * inside an allocation).  The list has its rows only while it is shown,
 * so they are not made twice.
 *
 * A narrow page's filters would take half the window: they hide behind a
 * Filters toggle (as GNOME apps' search bars do), which counts the
 * filters in use while they are hidden.  A wide page shows them and no
 * toggle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Narrower than this, a table page shows its list */
#define PATHWAYS_NARROW_WIDTH 640
/* The least a GNOME window is wide (a phone), that the list layout fits */
#define PATHWAYS_NARROW_MIN_WIDTH 360
/* What such a window leaves its pages where it draws its own frame in
 * it (X11 without a compositor: 5 px each side) */
#define PATHWAYS_NARROW_MIN_PAGE_WIDTH (PATHWAYS_NARROW_MIN_WIDTH - 10)

typedef struct _PathwaysNarrow PathwaysNarrow;

/* After the page's width was seen: @narrow_changed when it folded or
 * unfolded (and the stack and the list have followed), FALSE when only
 * something else of the layout asked to be looked at again */
typedef void (*PathwaysNarrowFunc) (GtkWidget *page,
                                    gboolean   narrow_changed);

PathwaysNarrow *pathways_narrow_new       (GtkWidget          *page,
                                           GtkStack           *layout_stack,
                                           GtkListView        *list,
                                           PathwaysNarrowFunc  changed);
void            pathways_narrow_free      (PathwaysNarrow     *self);
gboolean        pathways_narrow_is_narrow (PathwaysNarrow     *self);
void            pathways_narrow_set_model (PathwaysNarrow     *self,
                                           GtkSelectionModel  *model);
void            pathways_narrow_measure   (PathwaysNarrow     *self,
                                           GtkOrientation      orientation,
                                           int                 for_size,
                                           int                *minimum,
                                           int                *natural,
                                           int                *minimum_baseline,
                                           int                *natural_baseline);
void            pathways_narrow_allocate  (PathwaysNarrow     *self,
                                           int                 width,
                                           int                 height,
                                           int                 baseline,
                                           gboolean            relayout);
gint64          pathways_narrow_row_id    (GtkListView        *list,
                                           guint               position);
void            pathways_narrow_add_filters   (PathwaysNarrow  *self,
                                               GtkToggleButton *toggle,
                                               GtkRevealer     *revealer,
                                               GtkLabel        *badge);
void            pathways_narrow_count_filters (PathwaysNarrow  *self,
                                               guint            n_in_use);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysNarrow, pathways_narrow_free)

G_END_DECLS
