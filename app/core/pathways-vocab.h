/* pathways-vocab.h — the closed vocabularies of Pathways
 *
 * Kinds of unit, staffing levels, states … each with a stable code kept
 * in the store and a translatable label shown to people.  The DfE 903
 * code lists (ACCOM, PLACE, …) are not here: they change by year and
 * live in the store's reference tables with validity dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_VOCAB_STAFF_ROLE,
  PATHWAYS_VOCAB_SEX,
  PATHWAYS_VOCAB_IMMIGRATION_STATUS,
  PATHWAYS_VOCAB_APPEAL_STAGE,
  PATHWAYS_VOCAB_AGE_ASSESSMENT,
  PATHWAYS_VOCAB_UNIT_KIND,
  PATHWAYS_VOCAB_PROVIDER_TYPE,
  PATHWAYS_VOCAB_STAFFING,
  PATHWAYS_VOCAB_REGISTRATION,
  PATHWAYS_VOCAB_COMMISSIONING,
  PATHWAYS_VOCAB_UNIT_STATUS,
  PATHWAYS_VOCAB_SPELL_STATE,
  PATHWAYS_VOCAB_TRANSITION_STATE,
  PATHWAYS_VOCAB_MILESTONE_CATEGORY,
  PATHWAYS_VOCAB_CLOSE_REASON,
  PATHWAYS_VOCAB_CONTACT_KIND,
  PATHWAYS_VOCAB_PA_SUPPORT_21,
  PATHWAYS_N_VOCABS
} PathwaysVocab;

typedef struct {
  const char *code;
  const char *label;  /* untranslated; use pathways_vocab_label() */
  const char *extra;  /* for unit kinds: the usual 903 ACCOM letter */
} PathwaysVocabEntry;

const PathwaysVocabEntry *pathways_vocab_entries   (PathwaysVocab  vocab,
                                                    guint         *n_entries);
const char               *pathways_vocab_name      (PathwaysVocab  vocab);
gboolean                  pathways_vocab_is_valid  (PathwaysVocab  vocab,
                                                    const char    *code);
const char               *pathways_vocab_label     (PathwaysVocab  vocab,
                                                    const char    *code);
const char               *pathways_vocab_extra     (PathwaysVocab  vocab,
                                                    const char    *code);

G_END_DECLS
