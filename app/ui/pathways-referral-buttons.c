/* pathways-referral-buttons.c — Make a Referral…, Referrals and Offers
 * and I statements on a young person's page
 *
 * A split button beside Schedule Move… (which stays the page's one
 * suggested action): its face makes a referral, its menu opens the
 * referrals with their offers and the I statements, each showing its
 * shortcut.  The buttons name the page's actions (person.make-referral,
 * person.show-offers, person.i-statements); the role decides which are
 * shown: personal advisers and managers have all three, housing
 * officers (who place from offers but do not see what a referral pack
 * says) the referrals and offers only, administrators none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-referral-buttons"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pathways-page.h"
#include "pathways-person-page.h"
#include "pathways-referral-buttons.h"
#include "pathways-rules.h"

struct _PathwaysReferralButtons
{
  GtkWidget parent_instance;

  AdwSplitButton *referral_button;  /* pa, manager */
  GtkButton      *offers_button;    /* housing */
};

G_DEFINE_FINAL_TYPE (PathwaysReferralButtons, pathways_referral_buttons, GTK_TYPE_WIDGET)

static void
pathways_referral_buttons_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PATHWAYS_TYPE_REFERRAL_BUTTONS);
  G_OBJECT_CLASS (pathways_referral_buttons_parent_class)->dispose (object);
}

static void
pathways_referral_buttons_class_init (PathwaysReferralButtonsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_referral_buttons_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/carepathways/Pathways/pathways-referral-buttons.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysReferralButtons, referral_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysReferralButtons, offers_button);
}

static void
pathways_referral_buttons_init (PathwaysReferralButtons *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The split button's arrow: GTK 4.8 calls it "GtkMenuButton" */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->referral_button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("More Referral Actions"), -1);
  pathways_referral_buttons_set_role (self, NULL);
}

/**
 * pathways_referral_buttons_set_role:
 * @role: (nullable): the signed-in role; NULL for the embedded database
 *
 * Shows the buttons @role may use (the page's actions are enabled or
 * not by the same rules).
 */
void
pathways_referral_buttons_set_role (PathwaysReferralButtons *self,
                                    const char              *role)
{
  gboolean refer, offers;

  g_return_if_fail (PATHWAYS_IS_REFERRAL_BUTTONS (self));

  refer = pathways_role_may (role, PATHWAYS_MAY_EDIT_PEOPLE);
  offers = pathways_role_may (role, PATHWAYS_MAY_SCHEDULE_MOVES);
  gtk_widget_set_visible (GTK_WIDGET (self->referral_button), refer);
  gtk_widget_set_visible (GTK_WIDGET (self->offers_button), !refer && offers);
  gtk_widget_set_visible (GTK_WIDGET (self), refer || offers);
}

/* The person page's dialogs ------------------------------------------------- */

static void
open_dialog_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwaysPersonDialogNew make = g_type_get_qdata (G_OBJECT_TYPE (widget), g_quark_from_string (action_name));
  gint64 person = pathways_person_page_get_person_id (PATHWAYS_PERSON_PAGE (widget));
  GtkWindow *dialog;
  GtkRoot *root;

  if (make == NULL || person <= 0)
    return;
  dialog = make (pathways_page_get_context (PATHWAYS_PAGE (widget)), person);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/**
 * pathways_person_dialog_install_action:
 *
 * For the person page's class: @action_name opens the dialog
 * @make_dialog makes for the young person shown, transient for the
 * page's window; Ctrl+Shift+@key activates it.
 */
void
pathways_person_dialog_install_action (GtkWidgetClass          *widget_class,
                                       const char              *action_name,
                                       guint                    key,
                                       PathwaysPersonDialogNew  make_dialog)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), g_quark_from_string (action_name), make_dialog);
  gtk_widget_class_install_action (widget_class, action_name, NULL, open_dialog_action);
  gtk_widget_class_add_binding_action (widget_class, key, GDK_CONTROL_MASK | GDK_SHIFT_MASK, action_name, NULL);
}
