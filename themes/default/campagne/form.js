/* The partner form (annuaire campaign). */
