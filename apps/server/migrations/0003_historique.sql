-- The contract's history page reads the events of the contract and of its parts.
create index audit_evenements_contrat on audit_evenements ((contexte ->> 'contratId'), id desc);
