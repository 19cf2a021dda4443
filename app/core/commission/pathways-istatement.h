/* pathways-istatement.h — what young people said matters, and how each
 * provider and kind of provision does against it
 *
 * An authority keeps a short list of I statements in the young people's
 * own words.  Each is measured by something Pathways already records,
 * for each young person in a placement on the day:
 *   distance_from_home  the placement is within `threshold` miles of home
 *   moves_12_months     at most `threshold` moves in the last 12 months
 *   wishes_recorded     their wishes and feelings are recorded
 *   pa_contact          their PA's last contact is within the contact
 *                       interval of the rule settings
 *   asked               the latest answer they gave at review: yes,
 *                       partly or no
 * A score is (yes + ½ partly) ÷ those with an answer, in percent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-commission-entities.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_I_STATEMENT_BY_PROVIDER,
  PATHWAYS_I_STATEMENT_BY_KIND,
} PathwaysIStatementGrouping;

typedef struct {
  int    yes;
  int    partly;
  int    no;
  int    unknown;
  double score;   /* percent; -1 when nobody has an answer */
} PathwaysIStatementTally;

typedef struct {
  char                    *name;           /* the provider, or the kind's label */
  char                    *code;           /* the kind code, or NULL */
  int                      young_people;
  PathwaysIStatementTally *tallies;        /* one per statement */
} PathwaysIStatementGroup;

typedef struct {
  char      *on;
  GPtrArray *statements;   /* PathwaysIStatement, by position */
  GPtrArray *groups;       /* PathwaysIStatementGroup, by name */
} PathwaysIStatementScores;

gboolean  pathways_i_statement_measure_is_valid (const char *measure);
const char *pathways_i_statement_measure_label  (const char *measure);

/* Records an answer given at review to an "asked" statement */
gboolean  pathways_i_statement_answer          (PathwaysStore      *store,
                                                gint64              young_person_id,
                                                gint64              statement_id,
                                                const char         *answer,
                                                const char         *asked_on,
                                                PathwaysChangeSet **out_undo,
                                                GError            **error);

PathwaysIStatementScores *pathways_i_statement_scores_compute (PathwaysStore              *store,
                                                               const char                 *on,
                                                               PathwaysIStatementGrouping  grouping,
                                                               GError                    **error);
void                      pathways_i_statement_scores_free    (PathwaysIStatementScores   *scores);
const PathwaysIStatementGroup *pathways_i_statement_scores_find (PathwaysIStatementScores *scores,
                                                                 const char               *name);
char                     *pathways_i_statement_scores_to_text (PathwaysIStatementScores   *scores);
char                     *pathways_i_statement_scores_to_csv  (PathwaysIStatementScores   *scores);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysIStatementScores, pathways_i_statement_scores_free)

G_END_DECLS
