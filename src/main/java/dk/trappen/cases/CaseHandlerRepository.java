package dk.trappen.cases;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseHandlerRepository extends JpaRepository<CaseHandler, CaseHandler.Key> {
}
