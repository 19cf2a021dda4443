/* pathways-903-codes.h — the DfE code lists, valid from and until
 *
 * Validation asks one question through a small interface: "is CODE in
 * LIST valid on DATE, and if not, from or until when?".  The answer
 * comes from the versioned data file data/ref/ssda903-codes.csv in the
 * tests and the command line now, and from the store's ref_code table
 * (the same columns) once the app loads the file there.
 *
 * Dates are ISO 8601 ("2025-04-01").  valid_from is the first day a code
 * may be used; valid_to the first day it may no longer be used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gboolean known;            /* the code is in the list at all, whatever its dates */
  gboolean valid;            /* … and valid on the date asked about */
  char     valid_from[11];   /* when not valid: the nearest validity's first day, "" if none */
  char     valid_to[11];     /* … and the first day it may no longer be used, "" if none */
  gboolean unsuitable_only;  /* ACCOM letters S and X: only with suitability 2 */
} Pathways903CodeAnswer;

typedef void (*Pathways903CodeLookupFunc) (const char             *list,
                                           const char             *code,
                                           const char             *on_date,
                                           Pathways903CodeAnswer  *answer,
                                           gpointer                user_data);

typedef struct {
  Pathways903CodeLookupFunc func;
  gpointer                  user_data;
} Pathways903Codes;

typedef struct _Pathways903CodeTable Pathways903CodeTable;

Pathways903CodeTable *pathways_903_code_table_new_from_file  (const char            *path,
                                                              GError               **error);
Pathways903CodeTable *pathways_903_code_table_new_from_data  (const char            *name,
                                                              const char            *data,
                                                              gsize                  length,
                                                              GError               **error);
Pathways903CodeTable *pathways_903_code_table_new            (void);
gboolean              pathways_903_code_table_add            (Pathways903CodeTable  *table,
                                                              const char            *list,
                                                              const char            *code,
                                                              const char            *meaning,
                                                              const char            *valid_from,
                                                              const char            *valid_to,
                                                              gboolean               unsuitable_only);
Pathways903CodeTable *pathways_903_code_table_ref            (Pathways903CodeTable  *table);
void                  pathways_903_code_table_unref          (Pathways903CodeTable  *table);
guint                 pathways_903_code_table_get_version    (Pathways903CodeTable  *table);
guint                 pathways_903_code_table_get_n_codes    (Pathways903CodeTable  *table);
const char           *pathways_903_code_table_get_meaning    (Pathways903CodeTable  *table,
                                                              const char            *list,
                                                              const char            *code);
Pathways903Codes      pathways_903_code_table_as_codes       (Pathways903CodeTable  *table);
char                 *pathways_903_code_table_default_path   (void);
Pathways903CodeTable *pathways_903_code_table_load_default   (GError               **error);

void                  pathways_903_codes_lookup              (const Pathways903Codes *codes,
                                                              const char             *list,
                                                              const char             *code,
                                                              const char             *on_date,
                                                              Pathways903CodeAnswer  *answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903CodeTable, pathways_903_code_table_unref)

G_END_DECLS
