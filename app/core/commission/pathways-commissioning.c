/* pathways-commissioning.c — the commissioning figures for a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-commission"

#include "config.h"

#include "pathways-commissioning.h"

void
pathways_commissioning_free (PathwaysCommissioning *c)
{
  if (c == NULL)
    return;
  g_free (c->date);
  g_clear_pointer (&c->budget, pathways_budget_report_free);
  g_clear_pointer (&c->mix, pathways_placement_mix_free);
  g_clear_pointer (&c->by_provider, pathways_i_statement_scores_free);
  g_clear_pointer (&c->by_kind, pathways_i_statement_scores_free);
  g_free (c);
}

PathwaysCommissioning *
pathways_commissioning_compute (PathwaysStore  *store,
                                const char     *date,
                                GError        **error)
{
  g_autoptr(PathwaysCommissioning) c = g_new0 (PathwaysCommissioning, 1);
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  c->date = g_strdup (date);
  if (!pathways_store_begin_read (store, error))
    return NULL;
  /* The last financial year the calendar holds whole is 9998/99 */
  ok = (c->budget = pathways_budget_report_compute (store, CLAMP (pathways_budget_year_of (date), 1900, 9998), date,
                                                    error)) != NULL &&
       (c->mix = pathways_placement_mix_compute (store, date, error)) != NULL &&
       (c->by_provider = pathways_i_statement_scores_compute (store, date, PATHWAYS_I_STATEMENT_BY_PROVIDER,
                                                              error)) != NULL &&
       (c->by_kind = pathways_i_statement_scores_compute (store, date, PATHWAYS_I_STATEMENT_BY_KIND, error)) != NULL &&
       pathways_referral_times (store, &c->times, error);
  pathways_store_end_read (store);
  return ok ? g_steal_pointer (&c) : NULL;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  PathwaysCommissioning *c;

  if (g_task_return_error_if_cancelled (task))
    return;
  c = pathways_commissioning_compute (source_object, task_data, &error);
  if (c == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, c, (GDestroyNotify) pathways_commissioning_free);
}

void
pathways_commissioning_compute_async (PathwaysStore       *store,
                                      const char          *date,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (date != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, pathways_commissioning_compute_async);
  g_task_set_task_data (task, g_strdup (date), g_free);
  g_task_run_in_thread (task, compute_thread);
}

PathwaysCommissioning *
pathways_commissioning_compute_finish (PathwaysStore  *store,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
