/* pathways-903.h — the SSDA903 return's tables as plain structs
 *
 * Each CSV is recognised by its exact set of column names, as the DfE
 * validator does, whatever the file is called.  Pathways reads Header,
 * Episodes, UASC, OC3, Reviews and Missing; it recognises the other 903
 * tables (OC2, AD1, …) to say that it ignores them.
 *
 * Rows become plain structs whose strings are UTF-8 (NULL when blank)
 * and whose dates are ISO 8601 ("2025-04-01"; the files write
 * DD/MM/YYYY).  Every problem names the file, the row as a spreadsheet
 * counts it, the column and the value, in one translated sentence.
 *
 * Reading is in two steps: pathways_903_read_table() maps rows (shape,
 * dates, required values); pathways_903_data_check() then checks codes
 * against the lists valid on each row's dates and the rules across rows
 * (duplicated children, overlapping or broken episodes, children missing
 * from the Header).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-csv.h"
#include "pathways-903-codes.h"
#include "pathways-exchange.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_903_TABLE_NONE,
  PATHWAYS_903_TABLE_HEADER,
  PATHWAYS_903_TABLE_EPISODES,
  PATHWAYS_903_TABLE_UASC,
  PATHWAYS_903_TABLE_OC3,
  PATHWAYS_903_TABLE_REVIEWS,
  PATHWAYS_903_TABLE_MISSING,
  /* Recognised, not read */
  PATHWAYS_903_TABLE_OC2,
  PATHWAYS_903_TABLE_AD1,
  PATHWAYS_903_TABLE_PLACED_ADOPTION,
  PATHWAYS_903_TABLE_PREV_PERM,
  PATHWAYS_903_TABLE_SW_EPISODES,
  PATHWAYS_903_TABLE_DOLO,
  PATHWAYS_903_N_TABLES
} Pathways903Table;


/* Where a row came from; @bad when it has an error */
typedef struct {
  const char *file;   /* interned */
  guint       row;
  gboolean    bad;
} Pathways903Source;

typedef struct {
  Pathways903Source src;
  char *child, *sex, *dob, *ethnic, *upn, *mother, *mc_dob;
} Pathways903Child;

typedef struct {
  Pathways903Source src;
  char *child, *decom, *rne, *ls, *cin, *place, *place_provider, *dec, *rec,
       *reason_place_change, *home_post, *pl_post, *urn;
} Pathways903Episode;

typedef struct {
  Pathways903Source src;
  char *child, *sex, *dob, *duc;
} Pathways903Uasc;

typedef struct {
  Pathways903Source src;
  char *child, *dob, *in_touch, *activ, *accom;
} Pathways903Oc3;

typedef struct {
  Pathways903Source src;
  char *child, *dob, *review, *review_code;
} Pathways903Review;

typedef struct {
  Pathways903Source src;
  char *child, *dob, *missing, *mis_start, *mis_end;
} Pathways903Missing;

typedef struct {
  GPtrArray *children;   /* Pathways903Child, from Header */
  GPtrArray *episodes;   /* Pathways903Episode */
  GPtrArray *uasc;       /* Pathways903Uasc */
  GPtrArray *oc3;        /* Pathways903Oc3 */
  GPtrArray *reviews;    /* Pathways903Review */
  GPtrArray *missing;    /* Pathways903Missing */
  GPtrArray *problems;   /* PathwaysExchangeProblem, in the order found */
  guint      n_errors;
  guint      n_warnings;
} Pathways903Data;

/* Tables */
const char         *pathways_903_table_name         (Pathways903Table      table);
const char * const *pathways_903_table_columns      (Pathways903Table      table,
                                                     guint                *n_columns);
gboolean            pathways_903_table_is_read      (Pathways903Table      table);
Pathways903Table    pathways_903_recognise          (const char * const   *names,
                                                     guint                 n_names,
                                                     char                **out_why);

/* Collection years: 2026 runs from 01/04/2025 to 31/03/2026 */
void                pathways_903_collection_dates   (int                   year,
                                                     char                  out_start[11],
                                                     char                  out_end[11]);
int                 pathways_903_collection_year_of (const char           *iso);

/* Dates as the files write them */
gboolean            pathways_903_date_parse         (const char           *text,
                                                     char                  out_iso[11]);
void                pathways_903_date_format        (const char           *iso,
                                                     char                  out_uk[11]);

/* Data */
Pathways903Data    *pathways_903_data_new           (void);
void                pathways_903_data_free          (Pathways903Data      *data);
Pathways903Table    pathways_903_read_table         (Pathways903Data      *data,
                                                     const char           *name,
                                                     const char           *bytes,
                                                     gsize                 length,
                                                     const PathwaysCsvLimits *limits,
                                                     PathwaysCsvEncoding  *out_encoding,
                                                     guint                *out_rows,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void                pathways_903_data_check         (Pathways903Data      *data,
                                                     const Pathways903Codes *codes,
                                                     int                   collection_year);
int                 pathways_903_data_guess_year    (Pathways903Data      *data);

/* Rows */
Pathways903Episode *pathways_903_episode_copy       (const Pathways903Episode *episode);
gboolean            pathways_903_episode_equal      (const Pathways903Episode *a,
                                                     const Pathways903Episode *b);
void                pathways_903_episode_free       (Pathways903Episode   *episode);
void                pathways_903_child_free         (Pathways903Child     *child);
void                pathways_903_uasc_free          (Pathways903Uasc      *uasc);
void                pathways_903_oc3_free           (Pathways903Oc3       *oc3);
void                pathways_903_review_free        (Pathways903Review    *review);
void                pathways_903_missing_free       (Pathways903Missing   *missing);
int                 pathways_903_episode_compare    (gconstpointer         a,
                                                     gconstpointer         b);

/* Writing: one table's CSV, exactly the DfE columns, dates DD/MM/YYYY */
void                pathways_903_append_header_row  (GString              *out,
                                                     Pathways903Table      table);
void                pathways_903_append_child       (GString              *out,
                                                     const Pathways903Child *child);
void                pathways_903_append_episode     (GString              *out,
                                                     const Pathways903Episode *episode);
void                pathways_903_append_oc3         (GString              *out,
                                                     const Pathways903Oc3 *oc3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903Data, pathways_903_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903Episode, pathways_903_episode_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903Child, pathways_903_child_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903Oc3, pathways_903_oc3_free)

G_END_DECLS
