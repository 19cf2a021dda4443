/* pathways-vocab.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-vocab"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pathways-vocab.h"

static const PathwaysVocabEntry staff_roles[] = {
  { "pa", N_("Personal adviser"), NULL },
  { "housing", N_("Housing liaison officer"), NULL },
  { "manager", N_("Manager"), NULL },
};

static const PathwaysVocabEntry sexes[] = {
  { "M", N_("Male"), "1" },
  { "F", N_("Female"), "2" },
};

static const PathwaysVocabEntry immigration_statuses[] = {
  { "not_applicable", N_("Not applicable"), NULL },
  { "asylum_claim", N_("Asylum claim pending"), NULL },
  { "refugee", N_("Refugee status"), NULL },
  { "humanitarian", N_("Humanitarian protection"), NULL },
  { "limited_leave", N_("Limited leave to remain"), NULL },
  { "indefinite_leave", N_("Indefinite leave to remain"), NULL },
  { "appeal_rights_exhausted", N_("Appeal rights exhausted"), NULL },
  { "british", N_("British citizen"), NULL },
};

static const PathwaysVocabEntry appeal_stages[] = {
  { "none", N_("No appeal"), NULL },
  { "first_tier", N_("First-tier Tribunal"), NULL },
  { "upper_tribunal", N_("Upper Tribunal"), NULL },
  { "judicial_review", N_("Judicial review"), NULL },
  { "fresh_claim", N_("Fresh claim"), NULL },
  { "exhausted", N_("Appeal rights exhausted"), NULL },
};

static const PathwaysVocabEntry age_assessments[] = {
  { "not_required", N_("Not required"), NULL },
  { "pending", N_("Pending"), NULL },
  { "accepted", N_("Age accepted"), NULL },
  { "disputed", N_("Age disputed"), NULL },
};

/* extra: the 903 ACCOM letter a young person living there usually has */
static const PathwaysVocabEntry unit_kinds[] = {
  { "council", N_("Council tenancy"), "U" },
  { "housing_association", N_("Housing association nomination"), "U" },
  { "private_rented", N_("Private rented"), "U" },
  { "supported", N_("Registered supported accommodation"), "D" },
  { "supported_lodgings", N_("Supported lodgings"), "E" },
  { "staying_put", N_("Staying Put carer household"), "Z" },
  { "staying_close", N_("Staying Close"), "D" },
  { "foyer", N_("Foyer"), "T" },
  { "emergency", N_("Emergency accommodation"), "V" },
  { "bed_and_breakfast", N_("Bed and breakfast"), "W" },
};

static const PathwaysVocabEntry provider_types[] = {
  { "own_la", N_("Own local authority"), "PR1" },
  { "other_la", N_("Other local authority"), "PR2" },
  { "housing_association", N_("Housing association"), NULL },
  { "private", N_("Private provider"), "PR4" },
  { "voluntary", N_("Voluntary or charity"), "PR5" },
};

static const PathwaysVocabEntry staffing_levels[] = {
  { "24_7", N_("Staffed 24/7"), NULL },
  { "core_hours", N_("Core hours"), NULL },
  { "floating", N_("Floating support"), NULL },
  { "none", N_("No staffing"), NULL },
};

static const PathwaysVocabEntry registrations[] = {
  { "registered", N_("Registered with Ofsted"), NULL },
  { "applied", N_("Application accepted by Ofsted"), NULL },
  { "not_registered", N_("Not registered"), NULL },
  { "not_required", N_("Registration not required"), NULL },
};

static const PathwaysVocabEntry commissioning_routes[] = {
  { "block", N_("Block contract"), NULL },
  { "spot", N_("Spot purchase"), NULL },
  { "framework", N_("Framework"), NULL },
  { "dps", N_("Dynamic purchasing system"), NULL },
  { "in_house", N_("In-house"), NULL },
  { "nomination", N_("Nomination agreement"), NULL },
};

static const PathwaysVocabEntry unit_statuses[] = {
  { "available", N_("Available"), NULL },
  { "occupied", N_("Occupied"), NULL },
  { "reserved", N_("Reserved"), NULL },
  { "void", N_("Void"), NULL },
  { "offline", N_("Offline"), NULL },
};

static const PathwaysVocabEntry spell_states[] = {
  { "planned", N_("Planned"), NULL },
  { "current", N_("Current"), NULL },
  { "ended", N_("Ended"), NULL },
};

static const PathwaysVocabEntry transition_states[] = {
  { "proposed", N_("Proposed"), NULL },
  { "confirmed", N_("Confirmed"), NULL },
  { "done", N_("Done"), NULL },
  { "cancelled", N_("Cancelled"), NULL },
};

static const PathwaysVocabEntry milestone_categories[] = {
  { "plans", N_("Assessments and plans"), NULL },
  { "accommodation", N_("Accommodation"), NULL },
  { "practical", N_("Practical skills"), NULL },
  { "finance", N_("Finances and budgeting"), NULL },
  { "eet", N_("Education, employment and training"), NULL },
  { "health", N_("Health"), NULL },
  { "family", N_("Family and support networks"), NULL },
  { "immigration", N_("Immigration"), NULL },
};

/* Why a case was closed (issue #12) */
static const PathwaysVocabEntry close_reasons[] = {
  { "reached_25", N_("Reached 25"), NULL },
  { "ended_on_request", N_("Support ended at their request"), NULL },
  { "moved_away", N_("Moved away"), NULL },
  { "died", N_("Died"), NULL },
  { "other", N_("Other"), NULL },
};

/* extra: "1" when the contact reached the young person (an attempt did not) */
static const PathwaysVocabEntry contact_kinds[] = {
  { "visit", N_("Visit"), "1" },
  { "phone", N_("Phone call"), "1" },
  { "video", N_("Video call"), "1" },
  { "message", N_("Message"), "1" },
  { "attempted", N_("Attempted contact"), "0" },
};

/* Personal adviser support from 21 to 25, owed on request (CSWA 2017 s.3) */
static const PathwaysVocabEntry pa_support_21[] = {
  { "requested", N_("Requested"), NULL },
  { "declined", N_("Declined"), NULL },
};

static const struct {
  const char               *name;
  const PathwaysVocabEntry *entries;
  guint                     n_entries;
} vocabs[PATHWAYS_N_VOCABS] = {
#define V(e, name, arr) [e] = { name, arr, G_N_ELEMENTS (arr) }
  V (PATHWAYS_VOCAB_STAFF_ROLE, "staff role", staff_roles),
  V (PATHWAYS_VOCAB_SEX, "sex", sexes),
  V (PATHWAYS_VOCAB_IMMIGRATION_STATUS, "immigration status", immigration_statuses),
  V (PATHWAYS_VOCAB_APPEAL_STAGE, "appeal stage", appeal_stages),
  V (PATHWAYS_VOCAB_AGE_ASSESSMENT, "age assessment", age_assessments),
  V (PATHWAYS_VOCAB_UNIT_KIND, "kind of accommodation", unit_kinds),
  V (PATHWAYS_VOCAB_PROVIDER_TYPE, "provider type", provider_types),
  V (PATHWAYS_VOCAB_STAFFING, "staffing", staffing_levels),
  V (PATHWAYS_VOCAB_REGISTRATION, "registration", registrations),
  V (PATHWAYS_VOCAB_COMMISSIONING, "commissioning route", commissioning_routes),
  V (PATHWAYS_VOCAB_UNIT_STATUS, "unit status", unit_statuses),
  V (PATHWAYS_VOCAB_SPELL_STATE, "spell state", spell_states),
  V (PATHWAYS_VOCAB_TRANSITION_STATE, "transition state", transition_states),
  V (PATHWAYS_VOCAB_MILESTONE_CATEGORY, "milestone category", milestone_categories),
  V (PATHWAYS_VOCAB_CLOSE_REASON, "reason for closing", close_reasons),
  V (PATHWAYS_VOCAB_CONTACT_KIND, "type of contact", contact_kinds),
  V (PATHWAYS_VOCAB_PA_SUPPORT_21, "PA support after 21", pa_support_21),
#undef V
};

const PathwaysVocabEntry *
pathways_vocab_entries (PathwaysVocab  vocab,
                        guint         *n_entries)
{
  g_return_val_if_fail (vocab < PATHWAYS_N_VOCABS, NULL);

  if (n_entries != NULL)
    *n_entries = vocabs[vocab].n_entries;
  return vocabs[vocab].entries;
}

const char *
pathways_vocab_name (PathwaysVocab vocab)
{
  g_return_val_if_fail (vocab < PATHWAYS_N_VOCABS, NULL);
  return vocabs[vocab].name;
}

static const PathwaysVocabEntry *
lookup (PathwaysVocab  vocab,
        const char    *code)
{
  g_return_val_if_fail (vocab < PATHWAYS_N_VOCABS, NULL);

  if (code == NULL)
    return NULL;
  for (guint i = 0; i < vocabs[vocab].n_entries; i++)
    if (g_str_equal (vocabs[vocab].entries[i].code, code))
      return &vocabs[vocab].entries[i];
  return NULL;
}

gboolean
pathways_vocab_is_valid (PathwaysVocab  vocab,
                         const char    *code)
{
  return lookup (vocab, code) != NULL;
}

/**
 * pathways_vocab_label:
 *
 * Returns: the translated label, or @code itself if it is unknown
 */
const char *
pathways_vocab_label (PathwaysVocab  vocab,
                      const char    *code)
{
  const PathwaysVocabEntry *entry = lookup (vocab, code);

  return entry ? g_dgettext (GETTEXT_PACKAGE, entry->label) : code;
}

const char *
pathways_vocab_extra (PathwaysVocab  vocab,
                      const char    *code)
{
  const PathwaysVocabEntry *entry = lookup (vocab, code);

  return entry ? entry->extra : NULL;
}
