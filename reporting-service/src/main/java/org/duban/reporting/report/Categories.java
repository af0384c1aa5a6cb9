package org.duban.reporting.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed category vocabulary (SPEC §7), in its order, with the Chinese names the report prints. */
final class Categories {

    static final Map<String, String> LABELS = labels();

    private Categories() {
    }

    static String label(String category) {
        return LABELS.getOrDefault(category, category);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("LABOR_SOCIAL_SECURITY", "劳动社保");
        labels.put("REAL_ESTATE", "房地产");
        labels.put("LAND_ACQUISITION", "征地拆迁");
        labels.put("URBAN_RURAL_CONSTRUCTION", "城乡建设");
        labels.put("AGRICULTURE_RURAL", "农业农村");
        labels.put("ECOLOGY_ENVIRONMENT", "生态环境");
        labels.put("EDUCATION", "教育");
        labels.put("HEALTH", "卫生健康");
        labels.put("PUBLIC_SECURITY_JUSTICE", "公安司法");
        labels.put("OTHER", "其他");
        return Collections.unmodifiableMap(labels);
    }
}
