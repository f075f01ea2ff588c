# sinfonia_add_qt_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>] [TIMEOUT <s>])
#
# Builds one Qt Test executable and registers it with CTest. Every test runs on the offscreen
# platform and knows where the project's test data and the sinfonia-server binary are.
function(sinfonia_add_qt_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    if(NOT T_NAME OR NOT T_SOURCES)
        message(FATAL_ERROR "sinfonia_add_qt_test needs NAME and SOURCES")
    endif()
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE sinfonia_cfg Qt6::Test ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE
        SINFONIA_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        SINFONIA_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        SINFONIA_BINARY_DIR="${PROJECT_BINARY_DIR}")
    if(TARGET sinfonia-server)
        target_compile_definitions(${T_NAME} PRIVATE SINFONIA_SERVER_BIN="$<TARGET_FILE:sinfonia-server>")
        # Only suites that start a real server need it built first; unit suites stay independent.
        if("sinfonia_testsupport" IN_LIST T_LIBS)
            add_dependencies(${T_NAME} sinfonia-server)
        endif()
    endif()
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    # Under a sanitizer (scripts/test.sh --asan/--tsan) everything runs several times slower.
    if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
        math(EXPR T_TIMEOUT "${T_TIMEOUT} * 4")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.qpa.*=false")
endfunction()
