/* pathways-903-export.h — writing the SSDA903 return for a collection year
 *
 * From plain structs the store fills (each child's Header values, all of
 * their episodes, their leaving-care contacts and whether they are a
 * relevant or former relevant child, as the rules module says), this
 * builds the Header, Episodes and OC3 tables of one collection year
 * (1 April to 31 March) with exactly the DfE columns, and checks them
 * against the DfE's rules before anything is written.
 *
 * OC3 covers the young people whose 17th to 21st birthday falls in the
 * year, except 17- and 18-year-olds still looked after on that birthday,
 * those who died in care or whose care passed to another authority, and
 * those who are not relevant or former relevant.  IN_TOUCH, ACTIV and
 * ACCOM are those recorded closest to the birthday.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pathways-903.h"

G_BEGIN_DECLS

/* IN_TOUCH, ACTIV and ACCOM as recorded on a day */
typedef struct {
  char *date;       /* ISO */
  char *in_touch;
  char *activ;
  char *accom;
} Pathways903Contact;

typedef struct {
  Pathways903Child *header;        /* owned; CHILD, SEX, DOB, ETHNIC, … */
  GPtrArray        *episodes;      /* Pathways903Episode, owned: the whole history */
  GPtrArray        *contacts;      /* Pathways903Contact, owned */
  gboolean          care_leaver;   /* relevant or former relevant (from the rules module) */
} Pathways903ExportChild;

typedef struct {
  int              year;
  char             start[11];      /* 1 April, ISO */
  char             end[11];        /* 31 March, ISO */
  Pathways903Data *tables;         /* the rows to write (children, episodes, oc3) and,
                                      in tables->problems, every breach found */
  guint            n_breaches;     /* errors and warnings */
} Pathways903Export;

Pathways903ExportChild *pathways_903_export_child_new    (Pathways903Child       *header);
void                    pathways_903_export_child_free   (Pathways903ExportChild *child);
void                    pathways_903_export_child_add_contact (Pathways903ExportChild *child,
                                                          const char             *date,
                                                          const char             *in_touch,
                                                          const char             *activ,
                                                          const char             *accom);
void                    pathways_903_contact_free        (Pathways903Contact     *contact);

Pathways903Export      *pathways_903_export_build        (GPtrArray              *children,
                                                          int                     year,
                                                          const Pathways903Codes *codes);
void                    pathways_903_export_free         (Pathways903Export      *export);

guint                   pathways_903_check_return        (Pathways903Data        *tables,
                                                          int                     year,
                                                          const Pathways903Codes *codes);

GString                *pathways_903_export_table_csv    (Pathways903Export      *export,
                                                          Pathways903Table        table);
gboolean                pathways_903_export_write        (Pathways903Export      *export,
                                                          const char             *directory,
                                                          gboolean                force,
                                                          GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903Export, pathways_903_export_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pathways903ExportChild, pathways_903_export_child_free)

G_END_DECLS
