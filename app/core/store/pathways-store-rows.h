/* pathways-store-rows.h — what the store's bulk reads return
 *
 * Plain structs, one per row, in arrays: what core needs to compute the
 * rules snapshot, the caseload, the timeline and the sufficiency figures
 * for a whole authority without a query per young person.  Every string
 * is owned by the result's GStringChunk; results are read-only once
 * returned and may be handed from the worker thread that read them to
 * another thread.  A backend fills them however it likes (SQL, in
 * memory …); the computing stays in core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pathways-rules.h"

G_BEGIN_DECLS

/* The facts the rules snapshot needs ------------------------------ */

/* A young person's facts (spells, transitions and the milestone counts
 * left empty: the snapshot links them) with the names the display name
 * is made of, and what else the caseload's rows show: the caseload is
 * made from the snapshot, without a query of its own */
typedef struct {
  PathwaysPersonFacts  facts;
  const char          *given_name;
  const char          *family_name;
  const char          *preferred_name;
  const char          *local_id;
  const char          *team;
  const char          *pa_name;        /* their PA's name, NULL without one */
} PathwaysStorePersonFacts;

/* Milestones of one young person in one category: all those done, and
 * those not done that are due by the readiness horizon */
typedef struct {
  gint64      young_person_id;
  const char *category;
  int         total;
  int         done;
  int         overdue;   /* not done, due before the day */
} PathwaysStoreMilestoneTally;

/* A milestone not done and due before the day */
typedef struct {
  gint64      young_person_id;
  const char *name;
  const char *due_date;
} PathwaysStoreOverdueMilestone;

/* The latest contact of each kind with a young person */
typedef struct {
  gint64      young_person_id;
  const char *kind;
  const char *latest;
} PathwaysStoreContactTally;

typedef struct {
  GStringChunk *strings;
  GStringChunk *more_strings;        /* NULL, or what a second thread of the read read */
  GPtrArray    *people;              /* PathwaysStorePersonFacts* */
  GPtrArray    *units;               /* PathwaysUnitFacts* (spells NULL) */
  GPtrArray    *spells;              /* PathwaysSpellFacts*, by young person, start date, id */
  GPtrArray    *transitions;         /* PathwaysTransitionFacts*: moves still to happen, by planned date */
  GPtrArray    *episodes;            /* PathwaysEpisodeFacts*, by young person, DECOM, id */
  GArray       *milestone_tallies;   /* PathwaysStoreMilestoneTally */
  GArray       *overdue_milestones;  /* PathwaysStoreOverdueMilestone, by young person, due date, id */
  GArray       *contacts;            /* PathwaysStoreContactTally */
  GPtrArray    *activities;          /* PathwaysActivityFacts*, by young person, start date, id */
  GHashTable   *settings;            /* key → value (values may be NULL) */
  GPtrArray    *bank_holidays;       /* ISO dates, in order */
  GPtrArray    *row_blocks;          /* the memory of the rows above (pathways_store_facts_new_row()) */
  gsize         row_block_used;
} PathwaysStoreFacts;

PathwaysStoreFacts *pathways_store_facts_new  (void);
void                pathways_store_facts_free (PathwaysStoreFacts *facts);
/* For backends: a zeroed row for one of the arrays above, freed with
 * @facts (tens of thousands of rows: one allocation per row, and one
 * free, cost more than reading them) */
gpointer            pathways_store_facts_alloc_row (PathwaysStoreFacts *facts,
                                                    gsize               size);
#define pathways_store_facts_new_row(facts, Type) \
  ((Type *) pathways_store_facts_alloc_row ((facts), sizeof (Type)))

/* The caseload: each young person with their PA and current accommodation */

typedef struct {
  gint64      id;
  const char *given_name;
  const char *family_name;
  const char *preferred_name;
  const char *local_id;
  const char *date_of_birth;
  gint64      pa_id;
  const char *pa_name;
  const char *team;
  gboolean    uasc;
  /* The current spell (the latest one started), all NULL without one */
  const char *since;
  const char *accom;
  const char *place;
  const char *address;
  const char *unit_name;
  const char *unit_kind;
  gboolean    unit_in_authority;
  const char *closed_on;   /* a closed case (archived) */
} PathwaysStoreCaseloadRow;

typedef struct {
  GStringChunk *strings;
  GArray       *rows;      /* PathwaysStoreCaseloadRow, by family name, given name, id */
} PathwaysStoreCaseload;

PathwaysStoreCaseload *pathways_store_caseload_new  (void);
void                   pathways_store_caseload_free (PathwaysStoreCaseload *caseload);

/* What the timeline draws besides the snapshot ------------------------ */

typedef struct {
  gint64      id;
  const char *given_name;
  const char *family_name;
  const char *local_id;
  const char *team;
  const char *pa_name;
  const char *pa_team;
  gboolean    uasc;
  const char *closed_on;   /* a closed case: not drawn */
} PathwaysStoreTimelinePerson;

typedef struct {
  gint64      spell_id;
  const char *address;
} PathwaysStoreSpellAddress;

typedef struct {
  gint64      id;
  gint64      young_person_id;
  const char *planned_date;
  const char *state;          /* proposed, confirmed, done (never cancelled) */
  const char *unit_name;      /* NULL for an address outside the register */
  const char *to_address;
} PathwaysStoreTimelineMove;

typedef struct {
  gint64      young_person_id;
  const char *name;
  const char *due_date;
  const char *done_date;
} PathwaysStoreTimelineMilestone;

typedef struct {
  GStringChunk *strings;
  GArray       *people;      /* PathwaysStoreTimelinePerson */
  GArray       *addresses;   /* PathwaysStoreSpellAddress: spells with an address */
  GArray       *moves;       /* PathwaysStoreTimelineMove, by young person, date, id */
  GArray       *milestones;  /* PathwaysStoreTimelineMilestone with a due date, by young person, due date, id */
} PathwaysStoreTimeline;

PathwaysStoreTimeline *pathways_store_timeline_new  (void);
void                   pathways_store_timeline_free (PathwaysStoreTimeline *timeline);

/* What the sufficiency figures need besides the snapshot -------------- */

typedef struct {
  gint64      id;
  const char *local_id;
  const char *home_postcode;
} PathwaysStoreSufficiencyPerson;

typedef struct {
  gint64      id;
  const char *provider_type;
  const char *postcode;
} PathwaysStoreSufficiencyUnit;

typedef struct {
  gint64      id;
  const char *place_provider;
  gint64      weekly_cost;
} PathwaysStoreSufficiencySpell;

typedef struct {
  const char *district;       /* postcode district, "NB3" */
  const char *area;
} PathwaysStoreDistrict;

typedef struct {
  const char *from_area;
  const char *to_area;
  double      miles;
} PathwaysStoreDistance;

typedef struct {
  GStringChunk *strings;
  GArray       *people;      /* PathwaysStoreSufficiencyPerson */
  GArray       *units;       /* PathwaysStoreSufficiencyUnit */
  GArray       *spells;      /* PathwaysStoreSufficiencySpell */
  GArray       *districts;   /* PathwaysStoreDistrict */
  GArray       *distances;   /* PathwaysStoreDistance, each pair once */
} PathwaysStoreSufficiency;

PathwaysStoreSufficiency *pathways_store_sufficiency_new  (void);
void                      pathways_store_sufficiency_free (PathwaysStoreSufficiency *sufficiency);

/* What changed in a row since a version: for conflict messages -------- */

typedef struct {
  char     *actor;      /* who made the latest change */
  char     *at;         /* when, ISO 8601 in UTC ("2026-12-02T14:02:33.120Z") */
  char    **columns;    /* the columns that differ from the version asked about */
  gboolean  deleted;    /* the row was deleted */
} PathwaysStoreRowHistory;

void                      pathways_store_row_history_free (PathwaysStoreRowHistory *history);

/* Helper for backends: a string kept in @strings (NULL stays NULL) */
static inline const char *
pathways_store_intern (GStringChunk *strings,
                       const char   *s)
{
  return s ? g_string_chunk_insert_const (strings, s) : NULL;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysStoreFacts, pathways_store_facts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysStoreCaseload, pathways_store_caseload_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysStoreTimeline, pathways_store_timeline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysStoreSufficiency, pathways_store_sufficiency_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysStoreRowHistory, pathways_store_row_history_free)

G_END_DECLS
