/* pathways-plan-proposal.c — the service plan's proposal for one young person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-plan-proposal"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-format.h"
#include "pathways-plan-proposal.h"
#include "pathways-plan-service.h"

struct _PathwaysPlanProposal
{
  GtkWidget parent_instance;

  PathwaysContext     *context;
  PathwaysPlanService *service;
  gint64               person_id;

  GtkWidget  *group;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (PathwaysPlanProposal, pathways_plan_proposal, GTK_TYPE_WIDGET)

static void
fill (PathwaysPlanProposal *self)
{
  PathwaysPlanRow *row;
  const PathwaysProposal *p;
  GtkWidget *child;
  GtkWidget *first;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.accept", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.reject", FALSE);
  if (self->service == NULL)
    return;

  if (pathways_plan_service_get_running (self->service) && pathways_plan_service_get_plan (self->service) == NULL)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      first = pathways_plan_add_row (self->list, _("Planning…"), NULL);
      gtk_spinner_start (GTK_SPINNER (spinner));
      adw_action_row_add_suffix (ADW_ACTION_ROW (first), spinner);
      return;
    }
  if (pathways_plan_service_get_plan (self->service) == NULL)
    {
      first = pathways_plan_add_row (self->list, _("The service plan has not been made yet"),
                                     _("It proposes a move for everyone who will need one, this young person "
                                       "among them, in a second or two."));
      adw_action_row_add_suffix (ADW_ACTION_ROW (first), pathways_plan_button (_("_Make the Plan"), "proposal.run",
                                                                               NULL));
      return;
    }
  if ((row = pathways_plan_service_find_person (self->service, self->person_id)) == NULL)
    {
      gtk_widget_add_css_class (pathways_plan_add_row (self->list, _("The plan proposes no move for them"),
                                                       _("They do not need to move over the plan’s horizon, or "
                                                         "their next move is already confirmed.")),
                                "dim-label");
      return;
    }
  p = pathways_plan_row_get_proposal (row);
  if (p->unit_id > 0)
    {
      g_autofree char *date = pathways_date_format_uk (p->date);
      g_autofree char *cost = pathways_money_format (p->weekly_cost);
      /* Translators: a unit, a date and a weekly cost */
      g_autofree char *title = g_strdup_printf (_("To %s on %s, %s a week"), p->unit_name, date, cost);
      GtkWidget *accept = pathways_plan_button (_("Acc_ept"), "proposal.accept", NULL);

      first = pathways_plan_add_row (self->list, title, p->why);
      gtk_widget_add_css_class (accept, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (first), pathways_plan_button (_("_Turn Down…"), "proposal.reject",
                                                                               NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (first), accept);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.accept", TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposal.reject", TRUE);
    }
  else
    {
      g_autofree char *date = pathways_date_format_uk (p->date);
      /* Translators: %s is a date */
      g_autofree char *title = g_strdup_printf (_("No suitable unit in the register by %s"), date);

      pathways_plan_add_row (self->list, title, p->what_would_help);
    }
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwaysPlanProposal *self = PATHWAYS_PLAN_PROPOSAL (widget);

  if (self->service != NULL)
    pathways_plan_service_run (self->service);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysPlanProposal *self = PATHWAYS_PLAN_PROPOSAL (widget);

  if (self->service != NULL)
    pathways_plan_service_accept (self->service, &self->person_id, 1);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysPlanProposal *self = PATHWAYS_PLAN_PROPOSAL (widget);

  if (self->service != NULL)
    pathways_plan_service_ask_reject (self->service, widget, self->person_id);
}

static void
pathways_plan_proposal_dispose (GObject *object)
{
  PathwaysPlanProposal *self = PATHWAYS_PLAN_PROPOSAL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_PLAN_PROPOSAL);
  g_clear_object (&self->service);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_plan_proposal_parent_class)->dispose (object);
}

static void
pathways_plan_proposal_class_init (PathwaysPlanProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_plan_proposal_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-plan-proposal.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanProposal, group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanProposal, list);

  gtk_widget_class_install_action (widget_class, "proposal.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "proposal.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "proposal.reject", NULL, reject_action);
}

static void
pathways_plan_proposal_init (PathwaysPlanProposal *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PathwaysPlanProposal *
pathways_plan_proposal_new (PathwaysContext *context)
{
  PathwaysPlanProposal *self = g_object_new (PATHWAYS_TYPE_PLAN_PROPOSAL, NULL);

  pathways_plan_proposal_set_context (self, context);
  return self;
}

void
pathways_plan_proposal_set_context (PathwaysPlanProposal *self,
                                    PathwaysContext      *context)
{
  g_return_if_fail (PATHWAYS_IS_PLAN_PROPOSAL (self));
  g_return_if_fail (context == NULL || PATHWAYS_IS_CONTEXT (context));

  if (self->context == context)
    return;
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_object (&self->service);
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      self->service = g_object_ref (pathways_plan_service_get_for_context (context));
      g_signal_connect_object (self->service, "updated", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->service, "notify::running", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
    }
  fill (self);
}

void
pathways_plan_proposal_set_person_id (PathwaysPlanProposal *self,
                                      gint64                person_id)
{
  g_return_if_fail (PATHWAYS_IS_PLAN_PROPOSAL (self));

  self->person_id = person_id;
  fill (self);
}
