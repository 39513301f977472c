{{
  config(
    materialized = 'incremental',
    file_format = 'delta',
    incremental_strategy = 'merge',
    unique_key = 'segment_id',
    on_schema_change = 'append_new_columns'
  )
}}

-- The canonical profile of every segment_id: its latest row of id_graph_updates by seq, with merges of
-- the profile it was merged into followed (re-merges resolved, up to 6 merges deep).
with

latest as (
    select segment_id, canonical_segment_id, seq, timestamp, uuid_ts
    from (
        select
            u.*,
            row_number() over (partition by segment_id order by seq desc, uuid_ts desc) as _reflekt_rank
        from {{ source('profiles_sync', 'id_graph_updates') }} as u
    ) as ranked
    where _reflekt_rank = 1
)

select
    l0.segment_id,
    coalesce(l6.canonical_segment_id, l5.canonical_segment_id, l4.canonical_segment_id, l3.canonical_segment_id, l2.canonical_segment_id, l1.canonical_segment_id, l0.canonical_segment_id) as canonical_segment_id,
    l0.seq,
    l0.timestamp,
    l0.uuid_ts
from latest as l0
left join latest as l1
    on l1.segment_id = l0.canonical_segment_id and l1.segment_id <> l0.segment_id
left join latest as l2
    on l2.segment_id = l1.canonical_segment_id and l2.segment_id <> l1.segment_id
left join latest as l3
    on l3.segment_id = l2.canonical_segment_id and l3.segment_id <> l2.segment_id
left join latest as l4
    on l4.segment_id = l3.canonical_segment_id and l4.segment_id <> l3.segment_id
left join latest as l5
    on l5.segment_id = l4.canonical_segment_id and l5.segment_id <> l4.segment_id
left join latest as l6
    on l6.segment_id = l5.canonical_segment_id and l6.segment_id <> l5.segment_id
{% if is_incremental() %}
-- Segment ids updated in the window, and those whose canonical profile was.
where l0.segment_id in (
    select segment_id
    from {{ source('profiles_sync', 'id_graph_updates') }}
    where uuid_ts > (select max(uuid_ts) from {{ this }}) - interval {{ var('etl_overlap', 28) }} hours
    union all
    select previous.segment_id
    from {{ this }} as previous
    where previous.canonical_segment_id in (
        select segment_id
        from {{ source('profiles_sync', 'id_graph_updates') }}
        where uuid_ts > (select max(uuid_ts) from {{ this }}) - interval {{ var('etl_overlap', 28) }} hours
    )
)
{% endif %}
