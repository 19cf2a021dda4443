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
