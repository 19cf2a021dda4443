/* pathways-page.h — what the window knows of a page
 *
 * Every page of the window (the caseload, a young person, the stock,
 * a unit, the timeline, sufficiency) is a PathwaysPage, as
 * gnome-calendar's views are GcalViews: it is made with the
 * PathwaysContext, has a title and an icon, keeps its actions under its
 * own prefix ("caseload.", "stock." …), and is told two things —
 * @load when the store is there (at once if it is open already, or when
 * it opens), and @changed after every commit, undo or change made
 * elsewhere, with what changed, so that it refreshes just that.  The
 * window holds no flags and reloads nothing itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_PAGE (pathways_page_get_type ())
G_DECLARE_INTERFACE (PathwaysPage, pathways_page, PATHWAYS, PAGE, GtkWidget)

struct _PathwaysPageInterface
{
  GTypeInterface parent_iface;

  /* The store is open: load what the page shows (off the main thread) */
  void        (*load)           (PathwaysPage    *self,
                                 PathwaysStore   *store);
  /* The store committed @changes: refresh what they touch */
  void        (*changed)        (PathwaysPage    *self,
                                 PathwaysChanges *changes);
  const char *(*get_title)      (PathwaysPage    *self);
  const char *(*get_icon_name)  (PathwaysPage    *self);
};

/* For implementations: attach in constructed, once the "context"
 * property is set; the interface then calls @load and @changed as the
 * context's store opens and commits.  Detach in dispose. */
void             pathways_page_attach        (PathwaysPage    *self,
                                              PathwaysContext *context);
void             pathways_page_detach        (PathwaysPage    *self);

PathwaysContext *pathways_page_get_context   (PathwaysPage    *self);
PathwaysStore   *pathways_page_get_store     (PathwaysPage    *self);
const char      *pathways_page_get_title     (PathwaysPage    *self);
const char      *pathways_page_get_icon_name (PathwaysPage    *self);

/* The properties each page has: override them in class_init with
 * g_object_class_override_property() */
#define PATHWAYS_PAGE_PROP_CONTEXT   "context"
#define PATHWAYS_PAGE_PROP_TITLE     "title"
#define PATHWAYS_PAGE_PROP_ICON_NAME "icon-name"

G_END_DECLS
