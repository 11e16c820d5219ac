package io.tandem.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a believable company: three years of a help-desk SaaS with support, sales and success
 * reps. Deterministic for a given seed, size and end date. It plants the patterns the dashboards
 * exist to reveal:
 * <ul>
 *   <li>older accounts pay more: the longer an account stays, the likelier it adds seats, it may
 *       upgrade its plan (Basic, Plus, Pro) from its third month, and small young accounts churn most;</li>
 *   <li>harder tickets get lower ratings;</li>
 *   <li>first response time rises in high-volume weeks (a weekly load factor drives both);</li>
 *   <li>one support rep (Morgan Hale) takes most of the hard tickets and rates at or above
 *       expectation for them, while Jamie Fox takes easy ones and rates below;</li>
 *   <li>accounts with a not-good rating churn more in the following three months;</li>
 *   <li>one sales rep (Riley Chase) books the biggest deals, many of which churn within a year.</li>
 * </ul>
 * Rows go to a {@link RowSink}: in memory for the demo ({@link #generate()}), or streamed to
 * canonical CSV files for the scale data ({@link ScaleData}), whose {@link GenerationProfile} gives
 * a larger team in which Morgan, Jamie and Riley keep several times their fair share of the work.
 * The demo profile draws exactly the random numbers it always drew, so its company is unchanged.
 */
public final class DemoDataGenerator {

    static final String ZONE = "UTC";
    static final String CURRENCY = "USD";
    private static final int MONTHS = 36;
    private static final String[] CHANNELS = {"email", "email", "email", "chat", "chat", "phone"};
    private static final String[] TYPES = {"question", "question", "bug", "billing", "feature_request", "onboarding"};
    private static final String[] FIRST = {"Avery", "Blake", "Casey", "Drew", "Emery", "Finley", "Harper", "Jordan",
            "Kai", "Logan", "Milan", "Noa", "Parker", "Quinn", "Reese", "Sage", "Taylor", "Rowan", "Skyler", "Ari"};
    private static final String[] LAST = {"Adams", "Baker", "Clark", "Diaz", "Evans", "Garcia", "Hughes", "Ito",
            "Jensen", "Khan", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber", "Young"};
    private static final String[] COMPANY = {"Northwind", "Bluebird", "Copperleaf", "Driftwood", "Evergreen",
            "Foxglove", "Granite", "Harbor", "Ironbark", "Juniper", "Keystone", "Lumen", "Maple", "Nimbus", "Orchard",
            "Pinecone", "Quarry", "Riverstone", "Saffron", "Tidewater", "Umbra", "Vantage", "Willow", "Zephyr"};
    private static final String[] SUFFIX = {"Labs", "Studio", "Goods", "Health", "Logistics", "Travel", "Bikes",
            "Coffee", "Legal", "Dental", "Media", "Foods", "Energy", "Software", "Outfitters", "Realty"};

    private final SplittableRandom random;
    private final int accountCount;
    private final YearMonth endMonth;
    private final LocalDate today;
    private final YearMonth startMonth;
    private final Map<LocalDate, Double> weeklyLoad = new HashMap<>();

    private final GenerationProfile profile;
    private final RowSink sink;
    private final Replies replying;
    /** Draws rating times and comments: the main stream in the demo, a split-off one when streaming. */
    private final SplittableRandom ratingRandom;
    private final Map<LocalDate, Integer> perWeek;
    private final double medianWeek;
    private final Instant cutoff;
    private final double hardTicketShare;
    private final double easyTicketShare;
    private final double bigBookerShare;
    private final List<PendingReply> pendingReplies = new ArrayList<>();
    private final List<Long> supportReps = new ArrayList<>();
    private final List<Long> salesReps = new ArrayList<>();
    private final List<Long> successReps = new ArrayList<>();
    private long hardTicketRep;
    private long easyTicketRep;
    private long bigBookerRep;
    private long nextRepId = 1;
    private long nextCustomerId = 1;
    private long nextTicketId = 1;
    private long nextDealId = 1;

    /**
     * When tickets get their first response and close times, which follow the volume of their week.
     * {@code AT_END}: kept in memory and answered once every week's volume is known (the demo).
     * {@code COUNT_ONLY}: only counted per week, a first pass. {@code AT_ONCE}: answered and written
     * at once from the weekly volumes of a first pass with the same seed (memory stays flat).
     */
    enum Replies { AT_END, COUNT_ONLY, AT_ONCE }

    /**
     * @param seed     the random seed: same seed, size and today give the same company
     * @param accounts how many accounts sign up over the three years (about 2,000 by default)
     * @param today    the last day of history; revenue runs to its month, tickets to the day before
     */
    public DemoDataGenerator(long seed, int accounts, LocalDate today) {
        this(seed, GenerationProfile.demo(accounts), today, new RowSink.InMemory(), Replies.AT_END, null);
    }

    /**
     * @param weekVolumes for {@code AT_ONCE}: the tickets per week counted by a {@code COUNT_ONLY}
     *                    pass with the same seed, profile and today; otherwise null
     */
    DemoDataGenerator(long seed, GenerationProfile profile, LocalDate today, RowSink sink, Replies replies,
                      Map<LocalDate, Integer> weekVolumes) {
        if (profile.accounts() < 10) {
            throw new IllegalArgumentException("demo data needs at least 10 accounts, got " + profile.accounts());
        }
        this.random = new SplittableRandom(seed);
        this.profile = profile;
        this.accountCount = profile.accounts();
        this.today = today;
        this.endMonth = YearMonth.from(today);
        this.startMonth = endMonth.minusMonths(MONTHS - 1);
        this.sink = sink;
        this.replying = replies;
        this.ratingRandom = replies == Replies.AT_END ? random : random.split();
        this.perWeek = replies == Replies.AT_ONCE ? Map.copyOf(weekVolumes) : new HashMap<>();
        this.medianWeek = median(perWeek);
        this.cutoff = at(today, 0);
        // the pattern reps keep several times their fair share however large their team
        int extra = profile.reps() - GenerationProfile.DEMO_REPS;
        int support = 7 + extraInTeam(extra, 0);
        int sales = 4 + extraInTeam(extra, 1);
        this.hardTicketShare = 0.6 * Math.min(1, 7.0 / support);
        this.easyTicketShare = 0.2 * Math.min(1, 7.0 / support);
        this.bigBookerShare = 0.45 * Math.min(1, 3.0 / (sales - 1));
    }

    /** The company, table by table, in the order they must be written. */
    public List<TableRows> generate() {
        run();
        return ((RowSink.InMemory) sink).tables();
    }

    /** Simulates the company into the sink. */
    void run() {
        planWeeklyLoad();
        addReps();
        for (int i = 1; i <= accountCount; i++) {
            simulateAccount(i);
        }
        addProspectsAndLostDeals();
        if (replying == Replies.AT_END) {
            answerTickets();
        }
    }

    /** Tickets per week (Monday), for {@code AT_ONCE} after a {@code COUNT_ONLY} run. */
    Map<LocalDate, Integer> weekVolumes() {
        return Map.copyOf(perWeek);
    }

    // --- reps -------------------------------------------------------------------------------

    private void addReps() {
        hardTicketRep = rep("Morgan Hale", "Support", "support", 72_000, false, supportReps);
        easyTicketRep = rep("Jamie Fox", "Support", "support", 64_000, false, supportReps);
        for (String name : List.of("Alex Kim", "Sam Ortiz", "Priya Nair", "Theo Brandt", "Lena Novak")) {
            rep(name, "Support", "support", 60_000 + random.nextInt(12) * 1_000, false, supportReps);
        }
        bigBookerRep = rep("Riley Chase", "Sales", "sales", 110_000, false, salesReps);
        for (String name : List.of("Jordan Wells", "Chris Moreno", "Nia Roberts")) {
            rep(name, "Sales", "sales", 90_000 + random.nextInt(15) * 1_000, false, salesReps);
        }
        for (String name : List.of("Hana Sato", "Omar Haddad", "Greta Lind")) {
            rep(name, "Success", "success", 85_000 + random.nextInt(10) * 1_000, true, successReps);
        }
        rep("Dana Lee", "Leadership", "manager", 130_000, false, new ArrayList<>());
        addMoreReps(profile.reps() - GenerationProfile.DEMO_REPS);
    }

    /** Half of any extra reps join support, a quarter sales, a fifth success, the rest lead. */
    private static int extraInTeam(int extra, int team) {
        int support = extra / 2;
        int sales = extra / 4;
        int success = extra / 5;
        return switch (team) {
            case 0 -> support;
            case 1 -> sales;
            case 2 -> success;
            default -> extra - support - sales - success;
        };
    }

    private void addMoreReps(int extra) {
        int n = 0;
        for (int team = 0; team < 4; team++) {
            for (int i = 0; i < extraInTeam(extra, team); i++, n++) {
                String name = FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length]
                        + (n < FIRST.length * LAST.length ? "" : " " + (n / (FIRST.length * LAST.length) + 1));
                int cost = 60_000 + (n % 12) * 1_000;
                switch (team) {
                    case 0 -> rep(name, "Support", "support", cost, false, supportReps);
                    case 1 -> rep(name, "Sales", "sales", cost + 30_000, false, salesReps);
                    case 2 -> rep(name, "Success", "success", cost + 25_000, true, successReps);
                    default -> rep(name, "Leadership", "manager", cost + 70_000, false, new ArrayList<>());
                }
            }
        }
    }

    private long rep(String name, String team, String role, int cost, boolean highTouch, List<Long> group) {
        long id = nextRepId++;
        String email = name.toLowerCase().replace(' ', '.') + (id > GenerationProfile.DEMO_REPS ? "." + id : "")
                + "@tandem-demo.example";
        add("reps", id, "R%03d".formatted(id), name, email, team, role, BigDecimal.valueOf(cost), highTouch, true);
        group.add(id);
        return id;
    }

    // --- weekly load: busy weeks bring more tickets and slower replies -------------------------

    private void planWeeklyLoad() {
        LocalDate week = week(startMonth.atDay(1));
        int i = 0;
        while (!week.isAfter(today)) {
            double seasonal = 1 + 0.2 * Math.sin(2 * Math.PI * i / 52.0);
            double spike = random.nextDouble() < 0.12 ? 1.5 + random.nextDouble() * 0.5 : 1.0;
            double noise = 0.85 + random.nextDouble() * 0.3;
            weeklyLoad.put(week, seasonal * spike * noise);
            week = week.plusWeeks(1);
            i++;
        }
    }

    private double loadOf(LocalDate day) {
        return weeklyLoad.getOrDefault(week(day), 1.0);
    }

    // --- accounts, month by month ------------------------------------------------------------

    private static final class AccountState {
        long id;
        int seats;
        String plan;
        BigDecimal pricePerSeat;
        BigDecimal mrr;
        boolean active = true;
        YearMonth badRatingUntil;
        boolean riskyBooking;
        List<Long> customerIds = new ArrayList<>();
        long ownerRep;
    }

    private void simulateAccount(int index) {
        AccountState a = new AccountState();
        a.id = index;
        YearMonth signupMonth = signupMonth();
        LocalDate signupDay = signupMonth.atDay(1 + random.nextInt(dayLimit(signupMonth)));
        Instant signedUpAt = at(signupDay, 8 + random.nextInt(10));

        double segmentRoll = random.nextDouble();
        a.seats = segmentRoll < 0.55 ? 1 + random.nextInt(3) : segmentRoll < 0.85 ? 4 + random.nextInt(7) : 11 + random.nextInt(25);
        a.plan = a.seats >= 11 ? "Pro" : random.nextDouble() < 0.5 ? "Plus" : "Basic";
        a.pricePerSeat = priceOf(a.plan);
        long closer = salesReps.get(1 + random.nextInt(salesReps.size() - 1));
        if (a.seats >= 4 && random.nextDouble() < bigBookerShare) {
            // the big booker lands bigger first deals, with customers who often do not stay
            closer = bigBookerRep;
            a.seats = (int) Math.round(a.seats * 1.3);
            a.riskyBooking = true;
        }
        a.ownerRep = a.seats >= 11 ? successReps.get(random.nextInt(successReps.size())) : closer;
        a.mrr = mrrOf(a);

        int customerCount = Math.max(1, Math.min(25, (int) Math.round(a.seats * (0.4 + random.nextDouble() * 0.4))));
        for (int c = 0; c < customerCount; c++) {
            a.customerIds.add(customer(a.id, signedUpAt.plus(Duration.ofDays(random.nextInt(60)))));
        }
        Long sourceTicket = null;
        String source = pick(new String[] {"inbound", "inbound", "outbound", "self_serve", "self_serve", "support"});
        if (source.equals("support")) {
            // a pre-sale conversation in the inbox that turned into this account
            sourceTicket = presaleTicket(a.customerIds.get(0), null, signedUpAt.minus(Duration.ofDays(3 + random.nextInt(20))));
        }
        deal(a.id, closer, "new", a.mrr, "won", signedUpAt.minus(Duration.ofDays(5 + random.nextInt(40))), signedUpAt,
                source, sourceTicket);

        Instant churnedAt = null;
        BigDecimal previousMrr = a.mrr;
        for (YearMonth m = signupMonth; !m.isAfter(endMonth); m = m.plusMonths(1)) {
            int age = (int) ChronoUnit.MONTHS.between(signupMonth, m);
            if (a.active) {
                add("revenue", a.id, m.atDay(1), a.mrr, CURRENCY);
                if (profile.renewals() && a.seats >= 3 && age > 0 && age % 12 == 0) {
                    Instant renewed = at(m.atDay(1), 9);
                    deal(a.id, a.ownerRep, "renewal", a.mrr, "won", renewed.minus(Duration.ofDays(20)), renewed,
                            "renewal", null);
                }
                simulateTickets(a, m, age);
                if (m.equals(endMonth)) {
                    break;
                }
                if (random.nextDouble() < churnHazard(a, m, age)) {
                    a.active = false;
                    previousMrr = a.mrr;
                    YearMonth next = m.plusMonths(1);
                    churnedAt = at(next.atDay(1 + random.nextInt(Math.min(5, dayLimit(next)))), 9);
                } else {
                    expandOrContract(a, m, age);
                }
            } else if (random.nextDouble() < (a.seats <= 3 ? 0.04 : 0.02)) {
                // reactivation: the account comes back at its old price
                a.active = true;
                a.mrr = previousMrr;
                churnedAt = null;
                add("revenue", a.id, m.atDay(1), a.mrr, CURRENCY);
            }
        }
        add("accounts", a.id, "A%05d".formatted(a.id), companyName(), signedUpAt, a.active ? null : churnedAt, a.seats,
                a.plan, a.active ? a.mrr : BigDecimal.ZERO.setScale(2), CURRENCY, a.ownerRep);
    }

    private YearMonth signupMonth() {
        // growth: later months see more sign-ups (demo weight 1 + i/12; see GenerationProfile)
        double total = 0;
        for (int i = 0; i < MONTHS; i++) {
            total += signupWeight(i);
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < MONTHS; i++) {
            roll -= signupWeight(i);
            if (roll <= 0) {
                return startMonth.plusMonths(i);
            }
        }
        return endMonth;
    }

    private double signupWeight(int month) {
        return 1 + profile.growth() * month / 12.0 + (month == 0 ? profile.foundingWeight() : 0);
    }

    private int dayLimit(YearMonth month) {
        return month.equals(endMonth) ? Math.max(1, today.getDayOfMonth() - 1) : month.lengthOfMonth();
    }

    private double churnHazard(AccountState a, YearMonth m, int age) {
        double base = a.seats <= 3 ? 0.045 : a.seats <= 10 ? 0.022 : 0.009;
        double ageFactor = age < 3 ? 1.6 : age < 12 ? 1.15 : 0.75;
        // a bad rating adds a multiple of the base hazard (three in the demo), however low the profile sets churn
        boolean badRating = a.badRatingUntil != null && !m.isAfter(a.badRatingUntil);
        double bad = badRating ? profile.badRatingChurn() + profile.churnFactor() : 1.0;
        double risky = a.riskyBooking && age < 12 ? 5.0 : 1.0;
        return base * ageFactor * bad * risky * (badRating ? 1.0 : profile.churnFactor());
    }

    private void expandOrContract(AccountState a, YearMonth m, int age) {
        if (!a.plan.equals("Pro") && age >= 2 && random.nextDouble() < 0.04) {
            a.plan = a.plan.equals("Basic") ? "Plus" : "Pro";
            a.pricePerSeat = priceOf(a.plan);
            a.mrr = mrrOf(a);
            return;
        }
        double expand = 0.05 + Math.min(age, 24) * 0.004;
        double roll = random.nextDouble();
        if (roll < expand) {
            int added = Math.max(1, (int) Math.round(a.seats * (0.1 + random.nextDouble() * 0.25)));
            BigDecimal before = a.mrr;
            a.seats += added;
            a.mrr = mrrOf(a);
            if (a.seats > 3 && random.nextDouble() < 0.5) {
                Instant closed = at(m.atEndOfMonth(), 15);
                deal(a.id, a.ownerRep, "expansion", a.mrr.subtract(before), "won", closed.minus(Duration.ofDays(10)),
                        closed, "outbound", null);
            }
        } else if (roll < expand + 0.008 && a.seats > 1) {
            a.seats -= Math.max(1, a.seats / 5);
            a.mrr = mrrOf(a);
        }
    }

    private static BigDecimal priceOf(String plan) {
        return BigDecimal.valueOf(switch (plan) { case "Pro" -> 30; case "Plus" -> 20; default -> 12; });
    }

    private static BigDecimal mrrOf(AccountState a) {
        return a.pricePerSeat.multiply(BigDecimal.valueOf(a.seats)).setScale(2, RoundingMode.HALF_UP);
    }

    // --- tickets and ratings -----------------------------------------------------------------

    private void simulateTickets(AccountState a, YearMonth m, int age) {
        double lambda = (0.2 + 0.09 * Math.min(a.seats, 30)) * (age < 3 ? 1.5 : 1.0);
        int lastDay = m.equals(endMonth) ? today.getDayOfMonth() - 1 : m.lengthOfMonth();
        for (int day = 1; day <= lastDay; day++) {
            LocalDate date = m.atDay(day);
            double perDay = lambda / m.lengthOfMonth() * loadOf(date) * profile.ticketFactor();
            if (random.nextDouble() < perDay) {
                ticket(a, date);
            }
        }
    }

    private void ticket(AccountState a, LocalDate date) {
        long id = nextTicketId++;
        long customerId = a.customerIds.get(random.nextInt(a.customerIds.size()));
        double tierRoll = random.nextDouble() - (a.seats >= 11 ? 0.08 : 0);
        String tier = tierRoll < 0.18 ? "hard" : tierRoll < 0.5 ? "medium" : "easy";
        long rep = repFor(a, tier);
        int replies = switch (tier) {
            case "hard" -> 4 + random.nextInt(5);
            case "medium" -> 2 + random.nextInt(2);
            default -> 1;
        };
        double minutes = switch (tier) {
            case "hard" -> 40 + random.nextInt(140);
            case "medium" -> 11 + random.nextInt(35);
            default -> 2 + random.nextInt(9);
        };
        boolean escalated = tier.equals("hard") && random.nextDouble() < 0.25;
        Instant opened = at(date, 7 + random.nextInt(12)).plusSeconds(60L * random.nextInt(60));
        boolean unanswered = random.nextDouble() < 0.03;
        if (unanswered) {
            replies = 0;
        }
        Object[] row = {id, "T%07d".formatted(id), customerId, a.id, rep, pick(CHANNELS), pick(TYPES), opened, null,
                null, replies, BigDecimal.valueOf(minutes).setScale(1, RoundingMode.HALF_UP), escalated, false};
        if (replying == Replies.AT_END) {
            sink.add("tickets", row);
        }
        String rating = null;
        if (!unanswered && random.nextDouble() < profile.ratingChance()) {
            rating = rating(rep, tier);
            if (rating.equals("not_good")) {
                a.badRatingUntil = YearMonth.from(date).plusMonths(3);
            }
        }
        PendingReply reply = new PendingReply(row, week(date), Math.exp(random.nextGaussian() * 0.6), unanswered,
                random.nextDouble(), rating);
        switch (replying) {
            case AT_END -> pendingReplies.add(reply);
            case COUNT_ONLY -> perWeek.merge(reply.week(), 1, Integer::sum);
            case AT_ONCE -> {
                answer(reply, medianWeek);
                sink.add("tickets", row);
            }
        }
    }

    /** A ticket whose reply and close times wait until every week's volume is known. */
    private record PendingReply(Object[] row, LocalDate week, double noise, boolean unanswered, double resolveRoll,
                                String rating) {
    }

    /**
     * First response time follows the week's volume: the team's size is fixed, so a week with
     * twice the median volume waits about 2^1.3 = 2.5 times as long for a first reply.
     */
    private void answerTickets() {
        pendingReplies.forEach(p -> perWeek.merge(p.week(), 1, Integer::sum));
        double median = median(perWeek);
        for (PendingReply p : pendingReplies) {
            answer(p, median);
        }
    }

    private static double median(Map<LocalDate, Integer> perWeek) {
        return perWeek.values().stream().sorted().skip(perWeek.size() / 2).findFirst().orElse(1);
    }

    private void answer(PendingReply p, double median) {
        Object[] row = p.row();
        Instant opened = (Instant) row[7];
        int replies = (Integer) row[10];
        Instant firstResponse = null;
        Instant closed = null;
        if (p.unanswered()) {
            if (p.resolveRoll() < 0.5) {
                closed = opened.plus(Duration.ofDays(2 + (long) (p.resolveRoll() * 10)));
            }
        } else {
            double frtMinutes = 30 * Math.pow(perWeek.get(p.week()) / median, 1.3) * p.noise();
            firstResponse = opened.plusSeconds(Math.max(60, Math.round(frtMinutes * 60)));
            closed = firstResponse.plus(Duration.ofMinutes((long) (30 + p.resolveRoll() * 60 * 24 * (replies + 1))));
        }
        if (firstResponse != null && firstResponse.isAfter(cutoff)) {
            firstResponse = null;
        }
        if (closed != null && closed.isAfter(cutoff)) {
            closed = null;
        }
        row[8] = firstResponse;
        row[9] = closed;
        if (closed != null && p.rating() != null) {
            addRating((Long) row[0], p.rating(), closed);
        }
    }

    private static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private long repFor(AccountState a, String tier) {
        if (tier.equals("hard") && random.nextDouble() < hardTicketShare) {
            return hardTicketRep;
        }
        if (a.seats >= 11 && random.nextDouble() < 0.2) {
            return a.ownerRep;
        }
        if (tier.equals("easy") && random.nextDouble() < easyTicketShare) {
            return easyTicketRep;
        }
        return supportReps.get(random.nextInt(supportReps.size()));
    }

    /** Harder tickets rate lower; Morgan beats the team on the same work, Jamie falls short. */
    private String rating(long rep, String tier) {
        double great = switch (tier) {
            case "hard" -> 0.42;
            case "medium" -> 0.62;
            default -> 0.80;
        };
        double notGood = switch (tier) {
            case "hard" -> 0.30;
            case "medium" -> 0.14;
            default -> 0.05;
        };
        if (rep == hardTicketRep) {
            great += 0.08;
            notGood -= 0.06;
        } else if (rep == easyTicketRep) {
            great -= 0.12;
            notGood += 0.07;
        }
        double roll = random.nextDouble();
        return roll < great ? "great" : roll < 1 - notGood ? "ok" : "not_good";
    }

    private void addRating(long ticketId, String rating, Instant closed) {
        Instant ratedAt = closed.plus(Duration.ofMinutes(10 + ratingRandom.nextInt(60 * 24)));
        if (ratedAt.isAfter(cutoff)) {
            ratedAt = closed;
        }
        String comment = switch (rating) {
            case "great" -> ratingRandom.nextDouble() < 0.3 ? "Thanks, that was quick!" : null;
            case "not_good" -> ratingRandom.nextDouble() < 0.5 ? "Took too long and still not fixed." : null;
            default -> null;
        };
        add("ratings", ticketId, rating, ratedAt, null, comment);
    }

    private long presaleTicket(long customerId, Long accountId, Instant opened) {
        long id = nextTicketId++;
        long rep = supportReps.get(1 + random.nextInt(supportReps.size() - 1));
        Instant first = opened.plus(Duration.ofMinutes(15 + random.nextInt(120)));
        add("tickets", id, "T%07d".formatted(id), customerId, accountId, rep, "chat", "presale", opened, first,
                first.plus(Duration.ofHours(2)), 2, BigDecimal.valueOf(15).setScale(1), false, true);
        return id;
    }

    // --- prospects, lost and open deals ------------------------------------------------------

    private void addProspectsAndLostDeals() {
        int prospects = Math.max(5, accountCount / 8);
        for (int i = 0; i < prospects; i++) {
            YearMonth m = startMonth.plusMonths(random.nextInt(MONTHS));
            Instant when = at(m.atDay(1 + random.nextInt(dayLimit(m))), 9 + random.nextInt(8));
            long customerId = customer(null, when);
            Long ticket = random.nextDouble() < 0.5 ? presaleTicket(customerId, null, when) : null;
            long rep = salesReps.get(random.nextInt(salesReps.size()));
            BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(40) * 25).setScale(2);
            boolean recent = m.isAfter(endMonth.minusMonths(2));
            String stage = recent && random.nextBoolean() ? "open" : "lost";
            Instant closedAt = stage.equals("open") ? null : when.plus(Duration.ofDays(7 + random.nextInt(30)));
            if (closedAt != null && closedAt.isAfter(at(today, 0))) {
                stage = "open";
                closedAt = null;
            }
            deal(null, rep, "new", amount, stage, when, closedAt, ticket != null ? "support" : "outbound", ticket);
        }
    }

    // --- shared pieces -----------------------------------------------------------------------

    private long customer(Long accountId, Instant createdAt) {
        long id = nextCustomerId++;
        String first = pick(FIRST);
        String last = pick(LAST);
        add("customers", id, "C%06d".formatted(id), accountId, first + " " + last,
                (first + "." + last + id).toLowerCase() + "@example.com", createdAt);
        return id;
    }

    private void deal(Long accountId, long rep, String type, BigDecimal amount, String stage, Instant created,
                      Instant closed, String source, Long ticketId) {
        long id = nextDealId++;
        add("deals", id, "D%06d".formatted(id), accountId, rep, type, amount, CURRENCY, stage, created, closed, source,
                ticketId);
    }

    private void add(String table, Object... row) {
        sink.add(table, row);
    }

    private String companyName() {
        return pick(COMPANY) + " " + pick(SUFFIX);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }
}
