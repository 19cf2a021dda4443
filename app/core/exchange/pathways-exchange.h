/* pathways-exchange.h — problems found in files, and writing files safely
 *
 * Problems found reading or checking a file are PathwaysExchangeProblem:
 * the place (file, row as a spreadsheet counts it, column, value, the
 * child) and one translated sentence that says it all.
 *
 * Exports name young people, so every file is private to the user
 * (0600) and appears whole or not at all: it is written to a temporary
 * file created with O_EXCL | O_NOFOLLOW in the target folder, synced,
 * and renamed into place.  A failure removes the temporary file.
 *
 * (A shared helper, pathways-file.{c,h}, is planned for core; these
 * functions can move onto it when it lands.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PATHWAYS_EXCHANGE_ERROR (pathways_exchange_error_quark ())

typedef enum {
  PATHWAYS_EXCHANGE_ERROR_WRITE,
  PATHWAYS_EXCHANGE_ERROR_BREACHES,
  PATHWAYS_EXCHANGE_ERROR_REFUSED,
  PATHWAYS_EXCHANGE_ERROR_INVALID,
} PathwaysExchangeError;

typedef enum {
  PATHWAYS_PROBLEM_ERROR,    /* the row cannot be imported as it is */
  PATHWAYS_PROBLEM_WARNING,  /* a rule is broken, the data is still usable */
  PATHWAYS_PROBLEM_NOTE,     /* a file was ignored, or read as Windows-1252 */
} PathwaysExchangeSeverity;

typedef struct {
  PathwaysExchangeSeverity  severity;
  char                *file;      /* nullable */
  guint                row;       /* 0: the whole file */
  char                *column;    /* nullable */
  char                *value;     /* nullable */
  char                *child;     /* nullable */
  char                *rule;      /* nullable: the DfE rule ("3001") for export checks */
  char                *message;   /* the whole sentence, translated */
} PathwaysExchangeProblem;

GQuark    pathways_exchange_error_quark    (void);

gboolean  pathways_exchange_write_file     (const char          *path,
                                            const char          *data,
                                            gsize                length,
                                            GError             **error);
gboolean  pathways_exchange_write_files    (guint                n_files,
                                            const char * const  *paths,
                                            GString * const     *contents,
                                            GError             **error);

/* For writers that must be handed a file name (libxlsxwriter) */

/* Problems: every one names the file, row, column and value */
void                pathways_exchange_problem_free       (PathwaysExchangeProblem   *problem);
PathwaysExchangeProblem *pathways_exchange_problem_add        (GPtrArray            *problems,
                                                     PathwaysExchangeSeverity   severity,
                                                     const char           *file,
                                                     guint                 row,
                                                     const char           *column,
                                                     const char           *value,
                                                     const char           *child,
                                                     char                 *message);

G_END_DECLS
