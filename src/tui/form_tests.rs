//! Tests of `form.rs`: the new-call form's validation and fields.

mod fields {
    use super::super::*;
    use crate::guide::Catalog;
    use crate::tui::keymap::lookup;
    use crate::tui::keys::parse_keys;

    fn press(form: &mut Form, guides: &[Arc<LoadedGuide>], keys: &str) -> Option<Box<NewCall>> {
        let mut created = None;
        for k in parse_keys(keys).expect("keys") {
            let action = lookup(form.ctx(), &k);
            match form.step_key(k, action, guides.len()) {
                Step::Create(_, call) => created = Some(call),
                Step::Cancel => panic!("cancelled"),
                Step::Stay => {}
            }
        }
        created
    }

    fn guides() -> Vec<Arc<LoadedGuide>> {
        Catalog::bundled()
            .guides
            .into_iter()
            .map(Arc::new)
            .collect()
    }

    #[test]
    fn a_call_with_two_structures_and_two_participants() {
        let guides = guides();
        let mut f = Form::new(&guides, "amina");
        // Response is focused first; then tick CP AOR, fill the participant, add another.
        let call = press(
            &mut f,
            &guides,
            "South Sudan<tab><tab><space><tab><tab><tab><tab>UNHCR<tab><enter><right><tab>UNICEF<tab><tab><tab><right><C-s>",
        )
        .expect("created");
        assert_eq!(call.response, "South Sudan");
        assert_eq!(
            call.structures,
            vec![
                (Structure::ProtectionCluster, String::new()),
                (Structure::CpAor, String::new())
            ]
        );
        assert_eq!(call.participants.len(), 2);
        assert_eq!(call.participants[0].organisation, "UNHCR");
        assert_eq!(call.participants[1].role, "gbv_aor_coordinator");
        assert_eq!(call.participants[1].organisation, "UNICEF");
        assert_eq!(call.interviewer, "amina");
        assert_eq!(call.consent, Some(true));
        assert_eq!(call.language, "en");
    }

    #[test]
    fn arrows_walk_along_the_structures_and_space_ticks() {
        let guides = guides();
        let mut f = Form::new(&guides, "amina");
        press(&mut f, &guides, "Mali<tab>");
        assert_eq!(f.focus, FormField::Structure(0));
        assert!(f.offers(Action::Toggle) && !f.offers(Action::Left));
        press(
            &mut f,
            &guides,
            "<left><right><right><space><right><right><right>",
        );
        assert_eq!(f.focus, FormField::Structure(f.kinds().len() - 1));
        assert_eq!(f.structures, [true, false, true, false]);
        let call = press(&mut f, &guides, "<C-s>").expect("created");
        assert_eq!(
            call.structures,
            vec![
                (Structure::ProtectionCluster, String::new()),
                (Structure::GbvAor, String::new())
            ]
        );
    }

    #[test]
    fn errors_are_inline_and_focus_the_first_one() {
        let guides = guides();
        let mut f = Form::new(&guides, "");
        // Untick the protection cluster, tick Other, leave its label empty.
        assert!(press(&mut f, &guides, "<tab><space><tab><tab><tab><space><C-s>").is_none());
        let fields: Vec<FormField> = f.errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                FormField::Response,
                FormField::OtherLabel,
                FormField::Interviewer
            ]
        );
        assert_eq!(f.focus, FormField::Response);
        // Typing fixes the field's error at once.
        press(&mut f, &guides, "Iraq");
        assert!(
            f.error(FormField::Response, crate::i18n::UiLang::En)
                .is_none()
        );
    }

    #[test]
    fn language_follows_the_guide_and_cycles() {
        let guides = guides();
        let mut f = Form::new(&guides, "amina");
        press(&mut f, &guides, "<S-tab><right>");
        assert_eq!(f.language_code(), "fr");
        let call = press(&mut f, &guides, "<tab>Mali<C-s>").expect("created");
        assert_eq!(call.language, "fr");
    }
}
