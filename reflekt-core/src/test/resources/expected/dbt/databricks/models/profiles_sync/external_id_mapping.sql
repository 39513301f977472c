{{
  config(
    materialized = 'incremental',
    file_format = 'delta',
    incremental_strategy = 'merge',
    unique_key = 'external_id_hash',
    on_schema_change = 'append_new_columns'
  )
}}

-- Every external id (by external_id_hash): its latest mapping by seq and the canonical profile of the
-- segment_id it maps to.
with

latest as (
    select *
    from (
        select
            u.*,
            row_number() over (partition by external_id_hash order by seq desc, uuid_ts desc) as _reflekt_rank
        from {{ source('profiles_sync', 'external_id_mapping_updates') }} as u
{% if is_incremental() %}
        -- External ids mapped in the window, and those whose profile was merged since.
        where external_id_hash in (
            select external_id_hash
            from {{ source('profiles_sync', 'external_id_mapping_updates') }}
            where uuid_ts > (select max(uuid_ts) from {{ this }}) - interval {{ var('etl_overlap', 28) }} hours
            union all
            select previous.external_id_hash
            from {{ this }} as previous
            left join {{ ref('id_graph') }} as id_graph on id_graph.segment_id = previous.segment_id
            where coalesce(id_graph.canonical_segment_id, previous.segment_id) <> previous.canonical_segment_id
        )
{% endif %}
    ) as ranked
    where _reflekt_rank = 1
)

select
    latest.external_id_hash,
    latest.external_id_type,
    latest.external_id_value,
    latest.segment_id,
    coalesce(id_graph.canonical_segment_id, latest.segment_id) as canonical_segment_id,
    latest.seq,
    latest.timestamp,
    latest.uuid_ts
from latest
left join {{ ref('id_graph') }} as id_graph on id_graph.segment_id = latest.segment_id
