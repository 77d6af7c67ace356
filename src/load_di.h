/*
 * load_di.h — site.yaml's data_inclusion mapping -> model (shared only
 * by the load_*.c files).
 *
 *   data_inclusion:
 *     source: mdq-chantiers          # producer id (a slug), required
 *     prefixe_id: "mdq-chantiers--"  # optional; default source + "--"
 *     thematiques:                   # thematique key -> sub-themes
 *       logement: [logement-hebergement--louer-un-logement, …]
 *     modalites:                     # access modality -> three lists
 *       sans rendez-vous:
 *         modes_accueil: [en-presentiel]
 *         modes_mobilisation: [se-presenter]
 *         mobilisable_par: [usagers]
 *     couts:                         # cost -> frais
 *       participation: payant
 *
 * Every key is checked against site.yaml's thématiques, the closed
 * lists of modalités and coûts, and the data·inclusion vocabularies
 * (export_di.h), with a did-you-mean; a thématique of the edition left
 * out of the mapping is a warning.
 */
#ifndef LOAD_DI_H
#define LOAD_DI_H

#include "diag.h"
#include "load_yaml.h"
#include "model.h"

/*
 * Read root's data_inclusion group (absent: nothing to do) into
 * s->data_inclusion, after s->thematiques is loaded.  badthems lists
 * thematique keys that had errors (not reported again).  Diagnostics
 * name file.  Returns 0 when the mapping had an error.
 */
int	 load_di_mapping(const struct ynode *root, struct site *s,
	    const struct texts *badthems, const char *file, struct diags *);

#endif /* LOAD_DI_H */
