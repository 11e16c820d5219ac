package io.tandem.domain.users;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @Query("select u from AppUser u left join fetch u.rep where lower(u.username) = lower(?1)")
    Optional<AppUser> findByUsernameIgnoreCase(String username);

    @Query("select u from AppUser u left join fetch u.rep order by lower(u.username)")
    List<AppUser> findAllWithRep();

    @Query("select u from AppUser u left join fetch u.rep where u.demo and u.enabled order by u.role, lower(u.username)")
    List<AppUser> findDemoUsers();
}
