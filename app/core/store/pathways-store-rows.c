/* pathways-store-rows.c — what the store's bulk reads return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-store"

#include "config.h"

#include "pathways-store-rows.h"

PathwaysStoreFacts *
pathways_store_facts_new (void)
{
  PathwaysStoreFacts *f = g_new0 (PathwaysStoreFacts, 1);

  f->strings = g_string_chunk_new (64 * 1024);
  /* The rows live in row_blocks */
  f->people = g_ptr_array_new ();
  f->units = g_ptr_array_new ();
  f->spells = g_ptr_array_new ();
  f->episodes = g_ptr_array_new ();
  f->transitions = g_ptr_array_new ();
  f->milestone_tallies = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreMilestoneTally));
  f->overdue_milestones = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreOverdueMilestone));
  f->contacts = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreContactTally));
  f->activities = g_ptr_array_new ();
  f->row_blocks = g_ptr_array_new_with_free_func (g_free);
  return f;
}

#define ROW_BLOCK_SIZE (256 * 1024)

gpointer
pathways_store_facts_alloc_row (PathwaysStoreFacts *f,
                                gsize               size)
{
  guint8 *block;

  size = (size + 15) & ~(gsize) 15;  /* every row aligned as malloc would */
  if (size > ROW_BLOCK_SIZE / 4)
    {
      /* (no row is this big: kept apart, not to waste a block) */
      block = g_malloc0 (size);
      g_ptr_array_insert (f->row_blocks, 0, block);
      return block;
    }
  if (f->row_blocks->len == 0 || f->row_block_used + size > ROW_BLOCK_SIZE)
    {
      g_ptr_array_add (f->row_blocks, g_malloc0 (ROW_BLOCK_SIZE));
      f->row_block_used = 0;
    }
  block = g_ptr_array_index (f->row_blocks, f->row_blocks->len - 1);
  f->row_block_used += size;
  return block + f->row_block_used - size;
}

void
pathways_store_facts_free (PathwaysStoreFacts *f)
{
  if (f == NULL)
    return;
  g_clear_pointer (&f->people, g_ptr_array_unref);
  g_clear_pointer (&f->units, g_ptr_array_unref);
  g_clear_pointer (&f->spells, g_ptr_array_unref);
  g_clear_pointer (&f->episodes, g_ptr_array_unref);
  g_clear_pointer (&f->transitions, g_ptr_array_unref);
  g_clear_pointer (&f->milestone_tallies, g_array_unref);
  g_clear_pointer (&f->overdue_milestones, g_array_unref);
  g_clear_pointer (&f->contacts, g_array_unref);
  g_clear_pointer (&f->activities, g_ptr_array_unref);
  g_clear_pointer (&f->settings, g_hash_table_unref);
  g_clear_pointer (&f->bank_holidays, g_ptr_array_unref);
  g_clear_pointer (&f->strings, g_string_chunk_free);
  g_clear_pointer (&f->more_strings, g_string_chunk_free);
  g_clear_pointer (&f->row_blocks, g_ptr_array_unref);
  g_free (f);
}

PathwaysStoreCaseload *
pathways_store_caseload_new (void)
{
  PathwaysStoreCaseload *c = g_new0 (PathwaysStoreCaseload, 1);

  c->strings = g_string_chunk_new (16 * 1024);
  c->rows = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreCaseloadRow));
  return c;
}

void
pathways_store_caseload_free (PathwaysStoreCaseload *c)
{
  if (c == NULL)
    return;
  g_array_unref (c->rows);
  g_string_chunk_free (c->strings);
  g_free (c);
}

PathwaysStoreTimeline *
pathways_store_timeline_new (void)
{
  PathwaysStoreTimeline *t = g_new0 (PathwaysStoreTimeline, 1);

  t->strings = g_string_chunk_new (32 * 1024);
  t->people = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreTimelinePerson));
  t->addresses = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreSpellAddress));
  t->moves = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreTimelineMove));
  t->milestones = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreTimelineMilestone));
  return t;
}

void
pathways_store_timeline_free (PathwaysStoreTimeline *t)
{
  if (t == NULL)
    return;
  g_array_unref (t->people);
  g_array_unref (t->addresses);
  g_array_unref (t->moves);
  g_array_unref (t->milestones);
  g_string_chunk_free (t->strings);
  g_free (t);
}

PathwaysStoreSufficiency *
pathways_store_sufficiency_new (void)
{
  PathwaysStoreSufficiency *s = g_new0 (PathwaysStoreSufficiency, 1);

  s->strings = g_string_chunk_new (16 * 1024);
  s->people = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreSufficiencyPerson));
  s->units = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreSufficiencyUnit));
  s->spells = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreSufficiencySpell));
  s->districts = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreDistrict));
  s->distances = g_array_new (FALSE, TRUE, sizeof (PathwaysStoreDistance));
  return s;
}

void
pathways_store_sufficiency_free (PathwaysStoreSufficiency *s)
{
  if (s == NULL)
    return;
  g_array_unref (s->people);
  g_array_unref (s->units);
  g_array_unref (s->spells);
  g_array_unref (s->districts);
  g_array_unref (s->distances);
  g_string_chunk_free (s->strings);
  g_free (s);
}

void
pathways_store_row_history_free (PathwaysStoreRowHistory *h)
{
  if (h == NULL)
    return;
  g_free (h->actor);
  g_free (h->at);
  g_strfreev (h->columns);
  g_free (h);
}
