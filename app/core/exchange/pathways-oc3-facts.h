/* pathways-oc3-facts.h — IN_TOUCH, ACTIV and ACCOM at a care leaver's birthday
 *
 * The OC3 return asks, for each care leaver whose 17th to 21st birthday
 * falls in the collection year, whether the authority is in touch with
 * them, their main activity and their accommodation (and whether it is
 * suitable) around that birthday.  A fact recorded for the birthday (typed
 * in or imported) wins; otherwise Pathways derives what it already knows:
 * in touch (YES) when a contact was made from three months before the
 * birthday to one month after it (the DfE's guidance), the activity from
 * the education, employment or training held on the day and the
 * accommodation from the spell lived in on the day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-entities.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct {
  char    *birthday;   /* ISO */
  int      age;        /* 17 to 21 */
  char    *in_touch;   /* nullable */
  char    *activ;      /* nullable */
  char    *accom;      /* nullable: letter and suitability digit, or 0 */
  gboolean recorded;   /* from a fact recorded for the birthday */
  gint64   fact_id;    /* that fact's id, or 0 */
} PathwaysOc3Answer;

void               pathways_oc3_answer_free   (PathwaysOc3Answer *answer);

char              *pathways_oc3_birthday_in   (const char        *date_of_birth,
                                               const char        *start,
                                               const char        *end,
                                               int               *out_age);

PathwaysOc3Answer *pathways_oc3_answer_derive (GListModel        *facts,
                                               GListModel        *contacts,
                                               GListModel        *activities,
                                               GListModel        *spells,
                                               const char        *birthday,
                                               int                age);
PathwaysOc3Answer *pathways_oc3_answer_load   (PathwaysStore     *store,
                                               gint64             young_person_id,
                                               const char        *birthday,
                                               int                age,
                                               GError           **error);

/* What the OC3 dialog shows, loaded in a worker thread: the answers at
 * each 17th to 21st birthday up to @today, and the code lists */
typedef struct {
  GPtrArray  *answers;     /* PathwaysOc3Answer, by birthday */
  GListModel *in_touch;    /* PathwaysRefCode */
  GListModel *activ;
  GListModel *accom;       /* letters (and 0) */
} PathwaysOc3Form;

void               pathways_oc3_form_free     (PathwaysOc3Form   *form);
void               pathways_oc3_form_load_async (PathwaysStore    *store,
                                                 gint64            young_person_id,
                                                 const char       *today,
                                                 GCancellable     *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer          user_data);
PathwaysOc3Form   *pathways_oc3_form_load_finish (PathwaysStore   *store,
                                                  GAsyncResult    *result,
                                                  GError         **error);

/* Records (adds, or changes the fact already held for the birthday) as
 * one undoable action */
void               pathways_oc3_fact_save_async  (PathwaysStore       *store,
                                                  PathwaysOc3Fact     *fact,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean           pathways_oc3_fact_save_finish (PathwaysStore       *store,
                                                  GAsyncResult        *result,
                                                  PathwaysChangeSet  **out_undo,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysOc3Answer, pathways_oc3_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysOc3Form, pathways_oc3_form_free)

G_END_DECLS
