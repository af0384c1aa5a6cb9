package org.duban.intake.calendar.statutory;

/**
 * The editions of 《全国年节及纪念日放假办法》 that set China's public holidays (全体公民放假的节日), each in
 * force from the first of January of its first year. Only the days each edition grants differ: 元旦 1 day,
 * 清明 1, 端午 1, 中秋 1 and 国庆 3 (1–3 October) in all three; 春节 and 劳动节 as below.
 */
public enum HolidayRules {

    /** 国务院令第513号 (2007-12-14), from 2008: 春节 除夕, 初一, 初二; 劳动节 1 May. */
    EDITION_2008(2008, "国务院令第513号", -1, 3, 1),

    /** 国务院令第644号 (2013-12-11), from 2014: 春节 初一 to 初三; 劳动节 1 May. */
    EDITION_2014(2014, "国务院令第644号", 0, 3, 1),

    /** 国务院令第795号 (2024-11-10), from 2025: 春节 除夕 to 初三 (4 days); 劳动节 1–2 May. */
    EDITION_2025(2025, "国务院令第795号", -1, 4, 2);

    private final int firstYear;
    private final String decree;
    private final int springFestivalFrom;
    private final int springFestivalDays;
    private final int labourDays;

    HolidayRules(int firstYear, String decree, int springFestivalFrom, int springFestivalDays, int labourDays) {
        this.firstYear = firstYear;
        this.decree = decree;
        this.springFestivalFrom = springFestivalFrom;
        this.springFestivalDays = springFestivalDays;
        this.labourDays = labourDays;
    }

    /**
     * The edition in force in {@code year}. Every edition took effect on 1 January, so one edition holds
     * a whole year. Years before 2008 (no deadline of this platform lies there) get the 2008 edition.
     */
    public static HolidayRules inForce(int year) {
        HolidayRules inForce = EDITION_2008;
        for (HolidayRules rules : values()) {
            if (rules.firstYear <= year) {
                inForce = rules;
            }
        }
        return inForce;
    }

    public int firstYear() {
        return firstYear;
    }

    /** The State Council decree that issued this edition. */
    public String decree() {
        return decree;
    }

    /** First day of 春节 counted from 正月初一: -1 is 除夕 (the last day of the lunar year), 0 is 初一. */
    public int springFestivalFrom() {
        return springFestivalFrom;
    }

    public int springFestivalDays() {
        return springFestivalDays;
    }

    /** Days of 劳动节, from 1 May. */
    public int labourDays() {
        return labourDays;
    }
}
