package dev.parley.platform;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction keeps for itself (marks written, rows read, facts pending): an object kept with the
 * transaction's synchronizations, so a transaction suspended for a nested one keeps its own, and it goes when the
 * transaction ends.
 */
public final class ThisTransaction {

    private ThisTransaction() {}

    /**
     * The transaction's object of this type that {@code which} accepts, made by {@code create} and kept the first time
     * it is asked for; empty outside a transaction.
     */
    public static <T extends TransactionSynchronization> Optional<T> kept(
            Class<T> type, Predicate<? super T> which, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Optional<T> existing = existing(type, which);
        if (existing.isPresent()) {
            return existing;
        }
        T made = create.get();
        TransactionSynchronizationManager.registerSynchronization(made);
        return Optional.of(made);
    }

    /** The transaction's object of this type that {@code which} accepts, if it keeps one. */
    public static <T extends TransactionSynchronization> Optional<T> existing(
            Class<T> type, Predicate<? super T> which) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(synchronization) && which.test(type.cast(synchronization))) {
                return Optional.of(type.cast(synchronization));
            }
        }
        return Optional.empty();
    }
}
