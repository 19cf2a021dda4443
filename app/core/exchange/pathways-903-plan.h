/* pathways-903-plan.h — what importing a set of 903 files would do
 *
 * A dry run: the files are recognised, read and checked, and the
 * episodes of each child merged with the episodes Pathways already
 * holds, on plain structs.  Nothing is written; the caller (the store,
 * after the preview has been accepted) applies the plan in one
 * transaction.
 *
 * Episodes are matched by CHILD and DECOM: the same start day is the
 * same episode (unchanged when every value is equal, changed otherwise,
 * e.g. an open episode that has since ended); a new start day is a new
 * episode; an episode Pathways holds that the files do not mention is
 * kept (last year's history).  So importing the same files twice
 * changes nothing and next year's files extend the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-903.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_903_SKIP_BAD_ROWS,  /* import the rows without errors */
  PATHWAYS_903_REFUSE,         /* import nothing when any row has an error */
} Pathways903OnError;

typedef struct {
  int                      collection_year;  /* 0: guess from the episodes */
  Pathways903OnError       on_error;
  const PathwaysCsvLimits *limits;           /* nullable: the defaults */
} Pathways903PlanOptions;

/* What Pathways already holds about one child (both nullable) */
typedef struct {
  Pathways903Child *header;
  GPtrArray        *episodes;   /* Pathways903Episode */
} Pathways903Known;

typedef struct {
  char               *path;
  char               *name;
  guint64             size;
  char               *sha256;
  Pathways903Table    table;     /* NONE: not read (see the problems) */
  PathwaysCsvEncoding encoding;
  guint               rows;      /* data rows, the header not counted */
  gboolean            failed;    /* could not be read at all */
} Pathways903FileInfo;

typedef struct {
  char               *child;
  gboolean            is_new;
  gboolean            header_changed;
  Pathways903Child   *header;     /* nullable, owned by the plan's data */
  Pathways903Uasc    *uasc;       /* nullable, likewise */
  Pathways903Oc3     *oc3;        /* nullable, likewise */
  GPtrArray          *episodes;   /* merged: Pathways903Episode, owned, in DECOM order */
  GPtrArray          *reviews;    /* Pathways903Review, owned by the plan's data */
  GPtrArray          *missing;    /* Pathways903Missing, owned by the plan's data */
  guint               episodes_added;
  guint               episodes_changed;
  guint               episodes_unchanged;
  guint               episodes_kept;
} Pathways903ChildPlan;

typedef struct {
  GPtrArray        *files;      /* Pathways903FileInfo */
  Pathways903Data  *data;       /* every row read, every problem */
  GPtrArray        *children;   /* Pathways903ChildPlan, by CHILD */
  int               collection_year;
  Pathways903OnError on_error;
  gboolean          refused;    /* PATHWAYS_903_REFUSE and errors were found */
  guint             rows_read;
  guint             rows_skipped;
  guint             children_added;
  guint             children_updated;
  guint             children_unchanged;
  guint             episodes_added;
  guint             episodes_changed;
  guint             episodes_unchanged;
} Pathways903Plan;

/* @fraction from 0 to 1; @file the file being read, or NULL */
typedef void (*Pathways903ProgressFunc) (double      fraction,
                                         const char *file,
                                         gpointer    user_data);

void                  pathways_903_known_free          (Pathways903Known        *known);
GHashTable           *pathways_903_known_table_new     (void);

void                  pathways_903_merge_episodes      (GPtrArray               *existing,
                                                        GPtrArray               *incoming,
                                                        GPtrArray               *out_merged,
                                                        guint                   *out_added,
                                                        guint                   *out_changed,
                                                        guint                   *out_unchanged,
                                                        guint                   *out_kept);

char                **pathways_903_expand_paths        (const char * const      *paths,
                                                        GError                 **error);

Pathways903Plan      *pathways_903_plan_build          (const char * const      *paths,
                                                        const Pathways903Codes  *codes,
                                                        GHashTable              *known,
                                                        const Pathways903PlanOptions *options,
                                                        Pathways903ProgressFunc  progress,
                                                        gpointer                 progress_data,
                                                        GCancellable            *cancellable,
                                                        GError                 **error);
Pathways903Plan      *pathways_903_plan_build_from_data (Pathways903Data        *data,
                                                        GPtrArray               *files,
                                                        const Pathways903Codes  *codes,
                                                        GHashTable              *known,
                                                        const Pathways903PlanOptions *options);
void                  pathways_903_plan_build_async    (const char * const      *paths,
                                                        Pathways903CodeTable    *codes,
                                                        GHashTable              *known,
                                                        const Pathways903PlanOptions *options,
                                                        Pathways903ProgressFunc  progress,
                                                        gpointer                 progress_data,
                                                        GDestroyNotify           progress_destroy,
                                                        GCancellable            *cancellable,
                                                        GAsyncReadyCallback      callback,
                                                        gpointer                 user_data);
Pathways903Plan      *pathways_903_plan_build_finish   (GAsyncResult            *result,
                                                        GError                 **error);
void                  pathways_903_plan_free           (Pathways903Plan         *plan);
char                 *pathways_903_plan_summary        (Pathways903Plan         *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903Plan, pathways_903_plan_free)

G_END_DECLS
